package cn.shishi.aggregator.apply;

/** One record of a batch, as the parser understood it: a report, a withdrawal or a dead letter. */
public sealed interface BatchItem permits FiledReport, Withdrawal, DeadLetter {
  RecordPosition position();
}
