package cn.shishi.contract.report;

/** What the ingest service must know to accept a report: which codes exist. */
public interface Catalog {
  boolean regionExists(String regionCode);

  boolean programExists(String code);

  boolean taskTypeExists(String code);
}
