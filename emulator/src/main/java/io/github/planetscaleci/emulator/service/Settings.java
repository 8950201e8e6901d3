package io.github.planetscaleci.emulator.service;

import java.time.Duration;

/** Timings of the emulated asynchronous work. */
public record Settings(
    Duration provisioningDelay, Duration deployStepDelay, Duration revertWindow) {}
