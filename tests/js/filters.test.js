/* Pure-logic tests of the question filters (docs/assets/study/filters.js), used by Practice and
   the question bank. Run with `node --test` in tests/js (tests/test_js.py runs them). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fc = require("fast-check");

fc.configureGlobal({ seed: Number(process.env.FC_SEED || 20261207) });

const F = require(path.join(__dirname, "..", "..", "docs", "assets", "study", "filters.js"));

// Small value sets so random items share values and filters often match.
const VALUES = { topic: ["t1", "t2", "t3"], kind: ["coding", "behavioral"], level: ["any", "staff"], origin: ["reported", "practice"] };
const itemArb = fc.record(Object.fromEntries(F.FIELDS.map((f) => [f, fc.constantFrom(...VALUES[f])])));
const filtersArb = fc.record(Object.fromEntries(F.FIELDS.map((f) => [f, fc.constantFrom("", ...VALUES[f])])));
const labels = (field) => Object.fromEntries(VALUES[field].map((v) => [v, v.toUpperCase()]));

test("no filter set keeps every item", () => {
  fc.assert(fc.property(fc.array(itemArb), (items) => items.every((item) => F.matches(item, F.none()))));
});

test("setting one more filter never adds an item, and what it keeps has that value", () => {
  fc.assert(
    fc.property(fc.array(itemArb), filtersArb, fc.constantFrom(...F.FIELDS), (items, filters, field) => {
      fc.pre(!filters[field]);
      const value = VALUES[field][0];
      const before = items.filter((item) => F.matches(item, filters));
      const after = items.filter((item) => F.matches(item, { ...filters, [field]: value }));
      assert.ok(after.every((item) => before.includes(item) && item[field] === value));
    }),
  );
});

test("each choice's count is the number of items that choosing it would leave", () => {
  fc.assert(
    fc.property(fc.array(itemArb), filtersArb, fc.constantFrom(...F.FIELDS), (items, filters, field) => {
      const count = F.counts(items, filters, field);
      VALUES[field].forEach((value) => {
        const left = items.filter((item) => F.matches(item, { ...filters, [field]: value })).length;
        assert.equal(count[value] || 0, left);
      });
      const choices = F.choices(items, filters, field, labels(field));
      // In the build's order, with its labels; empty values only when chosen.
      assert.deepEqual(
        choices.map(([value]) => value),
        VALUES[field].filter((value) => count[value] || value === filters[field]),
      );
      choices.forEach(([value, label, n]) => assert.equal(label, value.toUpperCase()) || assert.equal(n, count[value] || 0));
    }),
  );
});

test("filters written into an address read back the same, and other parameters stay", () => {
  fc.assert(
    fc.property(filtersArb, fc.constantFrom("", "staff-mle"), (filters, role) => {
      const start = new URLSearchParams(role ? { role, topic: "old", mode: "due" } : { mode: "due" });
      const written = F.write(start, filters);
      assert.deepEqual(F.read(written, VALUES), { ...filters });
      assert.equal(written.get("role"), role || null);
      assert.equal(written.get("mode"), "due");
    }),
  );
});

test("an address with an unknown value asks for nothing rather than an empty list", () => {
  const filters = F.read(new URLSearchParams("topic=nope&kind=coding&level=STAFF&origin="), VALUES);
  assert.deepEqual(filters, { topic: "", kind: "coding", level: "", origin: "" });
  assert.deepEqual(F.read(new URLSearchParams("kind=coding"), {}), F.none()); // nothing allowed, nothing read
});
