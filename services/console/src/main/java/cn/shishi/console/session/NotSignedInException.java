package cn.shishi.console.session;

/** A page needs a signed-in person and there is none: the console sends them to sign in. */
public class NotSignedInException extends RuntimeException {
  public NotSignedInException() {
    super("not signed in", null, false, false);
  }
}
