/* Pure-logic tests of role-aware search (docs/assets/search-order.js): which role is current, and
   Material's result groups with the role's first. Run with `node --test` in tests/js. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fc = require("fast-check");

fc.configureGlobal({ seed: Number(process.env.FC_SEED || 20261207) });

const S = require(path.join(__dirname, "..", "..", "docs", "assets", "search-order.js"));

// A few pages and sections, so random roles and results often share them.
const PAGES = ["roles/a/", "topics/t1/", "topics/t2/", "topics/", "topics/#t1", "topics/#t2", "frameworks/"];
const locationArb = fc.constantFrom(...PAGES, "topics/t1/#q1", "topics/#t3", "frameworks/#star");
const itemArb = fc.record({ location: locationArb, score: fc.double({ min: 0.01, max: 100, noNaN: true }) }, { noNullPrototype: true });
const groupArb = fc.array(itemArb, { minLength: 1, maxLength: 4 });
const roleArb = fc.record({ id: fc.constantFrom("a", "b"), pages: fc.subarray(PAGES) });
const same = (x) => x;
const locations = (groups) => groups.map((group) => group.map((item) => item.location));
const ours = (role) => (group) => group.some((item) => S.listed(item.location, new Set(role.pages)));

test("the result is a permutation of the groups: none lost, none added, the input unchanged", () => {
  fc.assert(
    fc.property(fc.array(groupArb), roleArb, (groups, role) => {
      const before = structuredClone(groups);
      const out = S.preferRole(groups, role, same);
      assert.deepEqual(groups, before);
      const key = (group) => JSON.stringify(group.map((item) => item.location));
      assert.deepEqual(out.map(key).sort(), groups.map(key).sort());
    }),
  );
});

test("the role's groups come first, each part in the worker's order", () => {
  fc.assert(
    fc.property(fc.array(groupArb), roleArb, (groups, role) => {
      const out = S.preferRole(groups, role, same);
      const mine = groups.filter(ours(role));
      assert.deepEqual(locations(out.slice(0, mine.length)), locations(mine));
      assert.deepEqual(out.slice(mine.length), groups.filter((g) => !ours(role)(g)));
    }),
  );
});

test("no other result outscores the role's, so Material's Enter (best score) opens one of the role's", () => {
  fc.assert(
    fc.property(fc.array(groupArb, { minLength: 1 }), roleArb, (groups, role) => {
      fc.pre(groups.some(ours(role))); // with no result of the role, Material's order stands
      const out = S.preferRole(groups, role, same);
      const mine = out.filter(ours(role)).flat().map((item) => item.score);
      const rest = out.filter((group) => !ours(role)(group)).flat().map((item) => item.score);
      assert.ok(rest.every((score) => mine.every((m) => m >= score)));
    }),
  );
});

test("a section belongs when it or its page is listed", () => {
  const pages = new Set(["topics/t1/", "topics/#t1"]);
  assert.ok(S.listed("topics/t1/#q1", pages));
  assert.ok(S.listed("topics/#t1", pages));
  assert.ok(!S.listed("topics/#t2", pages));
  assert.ok(!S.listed("topics/", pages));
});

test("locations are compared after `relative`", () => {
  const groups = [[{ location: "https://x/guide/frameworks/" }], [{ location: "https://x/guide/topics/t1/" }]];
  const out = S.preferRole(groups, { pages: ["topics/t1/"] }, (loc) => loc.replace("https://x/guide/", ""));
  assert.deepEqual(locations(out), locations([groups[1], groups[0]]));
});

test("the current role: its own page, else the last one searched from, else the only one", () => {
  const roles = [
    { id: "a", own: ["roles/a/"], pages: ["roles/a/", "topics/t1/", "topics/t2/"] },
    { id: "b", own: ["roles/b/"], pages: ["roles/b/", "topics/t1/"] },
  ];
  assert.equal(S.currentRole("roles/b/", roles, "a").id, "b");
  assert.equal(S.currentRole("topics/t1/", roles, "b").id, "b");
  assert.equal(S.currentRole("topics/t1/", roles, null), null); // shared, no role searched from yet
  assert.equal(S.currentRole("topics/t2/", roles, "b").id, "a");
  assert.equal(S.currentRole("frameworks/", roles, "a"), null);
});
