package org.jenkinsci.remoting;

import java.io.Serializable;

/**
 * Stand-in for Jenkins remoting's {@code SerializableOnlyOverRemoting} (its channel-lookup default
 * method is omitted).
 */
public interface SerializableOnlyOverRemoting extends Serializable {}
