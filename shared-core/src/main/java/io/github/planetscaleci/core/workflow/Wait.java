package io.github.planetscaleci.core.workflow;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One thing to wait for.
 *
 * @param step the event step name, e.g. {@code wait-ready}
 * @param what what is awaited, for messages, e.g. "branch ci-x of acme/app to become ready"
 * @param read one poll (an API call)
 * @param done true when the wait is over; may throw to end it with a failure
 * @param state a short description of a read value for progress and timeout messages
 * @param remedy what the user can do on timeout
 */
record Wait<T>(
    String step,
    String what,
    Supplier<T> read,
    Predicate<T> done,
    Function<T, String> state,
    String remedy) {}
