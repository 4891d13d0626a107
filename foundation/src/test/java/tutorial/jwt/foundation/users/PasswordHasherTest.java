package tutorial.jwt.foundation.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tutorial.jwt.foundation.users.PasswordHasher;

/** Django's pbkdf2_sha256 hashes, both ways. */
class PasswordHasherTest {

    final PasswordHasher hasher = new PasswordHasher(1000);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "your_password | pbkdf2_sha256$260000$c2FsdHlzYWx0MTIz$VhYyUDxxHSqL25AiyvhKLkpMk+zOVnxkxFtPaBjZ3bQ=",
            "correct horse battery staple | pbkdf2_sha256$600000$AbCdEfGhIjKlMnOp$wLAgYJjZ4f+HlCuE0ff2AwkDxMlobO9uwedMVXfF31c=",
            "pässwörd ✓ | pbkdf2_sha256$1000$Zz9Yy8Xx7Ww6$sDj1Mwqv1A486I8jbYtPqyfOj5uk5lXxm/oJNe75JOc="})
    void hashes_made_by_django_verify(String password, String djangoHash) {
        assertTrue(hasher.verify(password, djangoHash));
        assertFalse(hasher.verify(password + "x", djangoHash));
    }

    @Test
    void a_new_hash_is_in_django_s_format_and_verifies() {
        PasswordHasher strong = new PasswordHasher(600_000);
        String hash = hasher.hash("s3cret");
        assertTrue(hash.matches("pbkdf2_sha256\\$1000\\$[A-Za-z0-9]{22}\\$[A-Za-z0-9+/]{43}="), hash);
        assertTrue(strong.verify("s3cret", hash), "any iteration count verifies");
        assertFalse(hasher.verify("S3cret", hash));
    }

    @Test
    void the_same_password_gets_a_different_salt_each_time() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "!unusablepassword", "md5$abc$def", "pbkdf2_sha256$x$salt$hash", "pbkdf2_sha256$0$salt$hash",
            "pbkdf2_sha256$1000$salt", "''", "NULL"})
    void an_unusable_or_unknown_hash_never_matches(String stored) {
        assertFalse(hasher.verify("anything", stored));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "!unusablepassword", "md5$abc$def", "pbkdf2_sha256$x$salt$hash", "pbkdf2_sha256$0$salt$hash",
            "pbkdf2_sha256$-5$salt$hash", "pbkdf2_sha256$1000$salt", "''", "NULL"})
    void every_check_costs_exactly_one_hash_whatever_is_stored(String stored) {
        long before = hasher.hashesComputed();
        hasher.verify("anything", stored);
        assertEquals(before + 1, hasher.hashesComputed(), "a damaged hash must cost what a real check costs");
        hasher.verifyDummy("anything");
        assertEquals(before + 2, hasher.hashesComputed());
    }
}
