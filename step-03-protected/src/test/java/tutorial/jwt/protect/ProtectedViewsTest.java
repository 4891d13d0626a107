package tutorial.jwt.protect;

import tutorial.jwt.install.TestServer;

/** The protected-views contract against step 3's own Javalin server. */
class ProtectedViewsTest extends ProtectedViewsContract {

    @Override
    protected int startViews(TestServer issuer) {
        return issuer.port(); // the issuer is the step-3 server itself
    }

    @Override
    protected void stopViews() {
    }
}
