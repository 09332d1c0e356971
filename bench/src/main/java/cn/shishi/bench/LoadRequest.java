package cn.shishi.bench;

import java.util.List;

/**
 * A request ready to go: built before the clock starts when the generator must be cheap.
 *
 * @param office the filing office's region (its token's claim)
 * @param invalid whether one of the reports breaks the contract (the request is to be a 422)
 * @param items the reports the request carries, duplicates included
 * @param fresh the reports among {@code items} that were never sent before
 */
record LoadRequest(
    String path,
    String office,
    String token,
    byte[] body,
    boolean invalid,
    List<Report> items,
    List<Report> fresh) {

  int duplicates() {
    return items.size() - fresh.size();
  }
}
