package cn.shishi.aggregator.jdbc;

import java.sql.SQLException;

/** A statement failed; the transaction rolls back and the batch is tried again. */
public class PersistenceFailure extends RuntimeException {
  public PersistenceFailure(String what, SQLException cause) {
    super(what + " failed: " + cause.getMessage(), cause);
  }
}
