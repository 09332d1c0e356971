package cn.shishi.console.session;

/**
 * The identity provider signed the person in, but their tokens lack what the console needs: a
 * region claim the services read. Only the provider's administrators can fix it: the page says so.
 */
public class AccountIncompleteException extends RuntimeException {
  public AccountIncompleteException() {
    super("the token has no valid region claim", null, false, false);
  }
}
