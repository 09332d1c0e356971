package cn.shishi.aggregator.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * What an export holds, so that an auditor can check the file is whole: how many rows, the SHA-256
 * of the data file, the rows per status (outcome, reason), and for reports the counted quantity per
 * unit and the counted beneficiaries: the figures the totals give for the same region and days; and
 * the ledger's hash-chain heads in the same snapshot (partition to head, hex), an anchor the
 * auditor keeps, where each partition's chain begins ({@code chainFrom}: rows at lower offsets
 * predate it), and the file holding the chains' blocks from the first exported row on
 * (docs/adr/0011).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
    String kind,
    String format,
    String file,
    String region,
    String from,
    String to,
    Instant exportedAt,
    long rows,
    String sha256,
    Map<String, Long> rowsBy,
    Map<String, Long> countedQuantityByUnit,
    Long countedBeneficiaries,
    Map<Integer, String> chainHeads,
    Map<Integer, Long> chainFrom,
    String chainFile) {}
