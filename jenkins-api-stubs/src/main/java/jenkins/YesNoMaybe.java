package jenkins;

/** Stand-in for Jenkins core's {@code jenkins.YesNoMaybe} enum. */
public enum YesNoMaybe {
  YES,
  NO,
  MAYBE
}
