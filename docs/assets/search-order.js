/* Role-aware search, the pure part: which role is current, and the worker's results with that
   role's results first. docs/assets/search-roles.js applies it to Material's search; the map of
   which pages belong to which role is the build's (study_guide/search_roles.py, search/roles.json).
   Tested by tests/js/search-order.test.js. Loaded in the browser as SISG.searchOrder and in Node
   with require(). */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    root.SISG = root.SISG || {};
    root.SISG.searchOrder = api;
  }
})(typeof self !== "undefined" ? self : globalThis, () => {
  "use strict";

  /* Does `location` (relative to the site root) belong to a page list: the page itself is listed,
     or the location is a listed section (page#anchor). */
  function listed(location, pages) {
    return pages.has(location) || pages.has(location.split("#")[0]);
  }

  /* The role current on the page at `path` (relative to the site root), from the build's roles:
     the role whose own page it is; else the last role searched from (`stored`) when the page is
     one of its pages; else the one role the page belongs to; else null. */
  function currentRole(path, roles, stored) {
    const own = roles.find((role) => role.own.includes(path));
    if (own) return own;
    const mine = roles.filter((role) => role.pages.includes(path));
    return mine.find((role) => role.id === stored) || (mine.length === 1 ? mine[0] : null);
  }

  /* Material's result groups (one per page, each a list of items with a `location` and a
     `score`), the groups with an item of the role's pages first. Order within each part is kept;
     nothing is dropped. `relative` turns an item's location into one relative to the site root.
     Material's Enter key opens the result with the highest score, not the first listed, so the
     role's items come back as copies with the others' highest score added to theirs: Enter then
     opens one of the role's results (the first, as the worker lists a page's best first). The
     groups given are not changed. */
  function preferRole(groups, role, relative) {
    const pages = new Set(role.pages);
    const ours = (group) => group.some((item) => listed(relative(item.location), pages));
    const others = groups.filter((group) => !ours(group));
    const lift = Math.max(0, ...others.flat().map((item) => item.score || 0));
    const mine = groups
      .filter(ours)
      .map((group) => group.map((item) => Object.assign({}, item, { score: (item.score || 0) + lift })));
    return [...mine, ...others];
  }

  return { listed, currentRole, preferRole };
});
