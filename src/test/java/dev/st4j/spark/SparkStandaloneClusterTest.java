package dev.st4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.st4j.data.TableReader;
import dev.st4j.eval.RetrievalData;
import dev.st4j.model.EncodeOptions;
import dev.st4j.model.SentenceTransformer;
import dev.st4j.testing.ChildJvm;
import dev.st4j.testing.CliRun;
import dev.st4j.testing.LocalSpark;
import dev.st4j.testing.Shared;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code st4j encode --spark --master spark://…} against a real Spark standalone cluster on loopback: a master, a
 * worker and two executor JVMs of one core each, started from Spark's own classes, with the command line in a JVM
 * of its own as a user runs it. The executors each load the model and encode their partitions; the Parquet they
 * write equals one-JVM encoding to 1e-5; {@code mine-hard-negatives --spark} on the same cluster mines the
 * negatives one JVM mines.
 */
@Tag("slow")
class SparkStandaloneClusterTest {
    private static final int DOCS = 200;

    @Test
    void encodingOnAStandaloneClusterEqualsEncodingInOneJvm(@TempDir Path dir) throws Exception {
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(sparkHome.resolve("jars"));
        Files.writeString(sparkHome.resolve("RELEASE"), "st4j test: executors take the test class path (spark.executor.extraClassPath)\n");
        Path workDir = Files.createDirectories(dir.resolve("worker"));
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        List<Process> cluster = new ArrayList<>();
        try {
            cluster.add(java(dir, "master.log", List.of(), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--webui-port", Integer.toString(freePort())));
            waitForPort(port, cluster.get(0), dir.resolve("master.log"));
            cluster.add(java(dir, "worker.log", List.of(), "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2",
                    "--memory", "3g", "--webui-port", Integer.toString(freePort()), "--work-dir", workDir.toString(), master));

            Path corpus = dir.resolve("corpus.csv");
            Files.write(corpus, SparkEncoderTest.firstRecords(Files.readAllLines(Shared.data("scifact/corpus.csv")), DOCS));
            Path out = dir.resolve("embeddings");
            st4j(dir, "encode.log", "encode", "--spark", "--master", master, "--model", Shared.tinyModel("bert").toString(),
                    "--input", corpus.toString(), "--output", out.toString(), "--max-seq-length", "64");

            Map<String, String> expectedTexts = RetrievalData.readCorpus(corpus);
            Map<String, float[]> byId = new HashMap<>();
            for (Row row : LocalSpark.session().read().parquet(out.toString()).collectAsList()) {
                byId.put(row.getString(0), EmbeddingsParquet.floats(row.getList(2)));
            }
            assertEquals(expectedTexts.keySet(), byId.keySet());
            try (SentenceTransformer model = SentenceTransformer.load(Shared.tinyModel("bert"))) {
                model.setMaxSeqLength(64);
                List<String> ids = new ArrayList<>(expectedTexts.keySet());
                float[][] expected = model.encode(new ArrayList<>(expectedTexts.values()), EncodeOptions.DEFAULTS);
                for (int i = 0; i < ids.size(); i++) {
                    assertArrayEquals(expected[i], byId.get(ids.get(i)), 1e-5f, "document " + ids.get(i));
                }
            }
            assertEquals(2, executorsThatEncoded(workDir), "two executor JVMs took part: " + listing(workDir));

            String pairs = Shared.data("nli-triplets/validation.csv").toString();
            st4j(dir, "mine.log", "mine-hard-negatives", "--spark", "--master", master, "--model", Shared.tinyModel("bert").toString(),
                    "--data-path", pairs, "--max-samples", "60", "--num-negatives", "2", "--block-size", "16", "--output",
                    dir.resolve("cluster.csv").toString());
            assertEquals(0, CliRun.run("mine-hard-negatives", "--model", Shared.tinyModel("bert").toString(), "--data-path", pairs,
                    "--max-samples", "60", "--num-negatives", "2", "--output", dir.resolve("one.csv").toString()).status());
            assertEquals(column(dir.resolve("one.csv"), "negative"), column(dir.resolve("cluster.csv"), "negative"),
                    "the cluster mines the negatives one JVM mines");
        } finally {
            for (Process p : cluster) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs {@code st4j args} in a JVM of its own, a driver whose executors are the cluster's, and waits for it to succeed. */
    private static void st4j(Path dir, String log, String... args) throws Exception {
        Process cli = java(dir, log, List.of("-Dspark.executor.extraClassPath=" + System.getProperty("java.class.path"),
                "-Dspark.executor.extraJavaOptions=-Dorg.slf4j.simpleLogger.log.org.apache.spark.executor.Executor=info",
                "-Dspark.executor.cores=1", "-Dspark.cores.max=2", "-Dspark.executor.memory=1g"), "dev.st4j.cli.St4jCli", args);
        assertTrue(cli.waitFor(5, TimeUnit.MINUTES), "st4j " + args[0] + " ends: " + tail(dir.resolve(log)));
        assertEquals(0, cli.exitValue(), tail(dir.resolve(log)));
    }

    private static List<String> column(Path csv, String name) throws IOException {
        return TableReader.read(csv).stringColumn(name).asList();
    }

    /** Executor folders (one per executor under the application folder) whose log shows a finished task. */
    private static long executorsThatEncoded(Path workDir) throws IOException {
        try (Stream<Path> files = Files.walk(workDir)) {
            return files.filter(p -> p.getFileName().toString().equals("stderr")).filter(p -> {
                try {
                    return Files.readString(p).contains("Finished task");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    private static String listing(Path workDir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.append('\n').append(workDir.relativize(p)).append(": ").append(tail(p).lines().skip(1).limit(8).toList());
            }
        }
        return out.toString();
    }

    private static Process java(Path dir, String log, List<String> options, String main, String... args) throws IOException {
        return ChildJvm.start(dir.resolve(log), options, Map.of("SPARK_HOME", dir.resolve("spark-home").toString(), "SPARK_SCALA_VERSION",
                "2.13", "SPARK_LOCAL_IP", "127.0.0.1", "SPARK_LOG_DIR", dir.toString()), main, args);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port, Process owner, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(owner.isAlive(), "the master runs: " + tail(log));
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the master did not listen on " + port + ": " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        return ChildJvm.tail(log);
    }
}
