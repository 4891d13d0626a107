package tutorial.jwt.install;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What {@link OnPostgreSql} does: skip the suite without a PostgreSQL, else point its servers at one. */
final class PostgreSqlSuite implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabase.postgreSqlUrl() != null) {
            return ConditionEvaluationResult.enabled(TestDatabase.VARIABLE + " is set");
        }
        String line = context.getRequiredTestClass().getSimpleName() + " skipped: no PostgreSQL. To run it, set "
                + TestDatabase.VARIABLE + "=" + TestDatabase.EXAMPLE + " (.ci/run starts one and sets it).";
        if (context.getTestMethod().isEmpty()) {
            System.out.println(line); // once per suite
        }
        return ConditionEvaluationResult.disabled(line);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestDatabase.usePostgreSql();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase.useSqlite();
    }
}
