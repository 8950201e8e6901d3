/** Stand-ins for the hudson package. */
package hudson;
