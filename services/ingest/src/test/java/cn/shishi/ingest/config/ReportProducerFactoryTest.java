package cn.shishi.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.infra.ShishiInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ShishiInfrastructureResource.class)
class ReportProducerFactoryTest {

  /**
   * Under Quarkus's class loader lz4-java would pick its pure-Java compressor for every batch Kafka
   * compresses; the producer's start loads the native one (shishi-web's NativeLz4).
   */
  @Test
  void kafkaCompressesWithTheNativeLz4Library() {
    assertThat(LZ4Factory.class.getClassLoader()).isNotSameAs(ClassLoader.getSystemClassLoader());
    assertThat(LZ4Factory.fastestInstance()).hasToString("LZ4Factory:JNI");
  }
}
