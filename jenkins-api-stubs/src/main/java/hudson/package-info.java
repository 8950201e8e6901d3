/** Stand-ins for the Jenkins core {@code hudson} package (compile-time only, never shipped). */
package hudson;
