package tutorial.jwt.spark;

import java.util.Map;
import spark.Response;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.protect.auth.Permission;

/**
 * Step 3's views on Spark: the same paths, permissions and answers. Each declares who may call it
 * where it is routed, as step 3 does with a Javalin route role.
 */
public final class TutorialViews {

    private TutorialViews() {
    }

    public static void register(AuthFilter gate) {
        gate.get("/api/public/", Permission.ALLOW_ANY, (request, response) ->
                message(response, "Hello from a public endpoint!"));
        gate.get("/api/protected/", Permission.IS_AUTHENTICATED, (request, response) ->
                message(response, "Hello, " + AuthFilter.user(request).username() + "! You are authenticated."));
        gate.get("/api/hello/", Permission.IS_AUTHENTICATED, (request, response) ->
                message(response, "Hello, authenticated user!"));
        gate.get("/api/staff/", Permission.IS_ADMIN_USER, (request, response) ->
                message(response, "Hello, " + AuthFilter.user(request).username() + "! You are staff."));
    }

    /** {@code {"message": "..."}}: a Spark route returns the body, and says it is JSON. */
    private static String message(Response response, String text) {
        response.type("application/json");
        return StrictJson.write(Map.of("message", text));
    }
}
