-- Tests as the spec: the given tests of a version (null for generated tests), so a test run of it keeps the mode.
ALTER TABLE "versions" ADD COLUMN "given_tests" jsonb;