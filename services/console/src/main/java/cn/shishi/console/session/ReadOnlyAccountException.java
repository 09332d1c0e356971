package cn.shishi.console.session;

/**
 * The person signed in with a role that reads totals (a manager), not one that files: the console's
 * pages are an office's, and the page says where totals are read instead.
 */
public class ReadOnlyAccountException extends RuntimeException {
  private final transient Person person;

  public ReadOnlyAccountException(Person person) {
    super("the person does not file for an office", null, false, false);
    this.person = person;
  }

  /** Who is signed in: the page offers them to sign out. */
  public Person person() {
    return person;
  }
}
