package tutorial.jwt.spark;

import java.util.Map;
import tutorial.jwt.install.TestServer;
import tutorial.jwt.protect.ProtectedViewsContract;

/** Step 3's protected-views contract, against the Spark server: the same answers as the Javalin one. */
class SparkProtectedViewsTest extends ProtectedViewsContract {

    private IsolatedSpark spark;

    @Override
    protected int startViews(TestServer issuer) {
        spark = IsolatedSpark.start(issuer, Map.of());
        return spark.port;
    }

    @Override
    protected void stopViews() {
        spark.close();
    }
}
