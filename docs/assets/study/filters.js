/* Narrowing a list of questions by topic, kind, level and origin (reported or practice), as pure
   functions: Practice and the question bank use them, and tests/js/filters.test.js checks them.

   An item is {topic, kind, level, origin}, values the build wrote (the study index, or the bank's
   data attributes); the choices and their labels also come from the build. The filters live in
   the address (?topic=&kind=&level=&origin=), so a link to a narrowed list keeps working.
   Loaded in the browser as SISG.filters and in Node with require(). */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    root.SISG = root.SISG || {};
    root.SISG.filters = api;
  }
})(typeof self !== "undefined" ? self : globalThis, () => {
  "use strict";

  const FIELDS = ["topic", "kind", "level", "origin"];
  const none = () => ({ topic: "", kind: "", level: "", origin: "" });

  /* The filters an address asks for: each field's value when it is one of allowed[field] (an
     array of values), else "" (any). An unknown value is dropped rather than matching nothing. */
  function read(params, allowed) {
    const filters = none();
    FIELDS.forEach((field) => {
      const value = params.get(field) || "";
      if (value && (allowed[field] || []).includes(value)) filters[field] = value;
    });
    return filters;
  }

  /* The address's parameters with the filters written in: a field set to "" is removed, every
     other parameter is kept as it was. */
  function write(params, filters) {
    const next = new URLSearchParams(params);
    FIELDS.forEach((field) => {
      if (filters[field]) next.set(field, filters[field]);
      else next.delete(field);
    });
    return next;
  }

  // Whether an item passes every filter that is set.
  const matches = (item, filters) => FIELDS.every((field) => !filters[field] || item[field] === filters[field]);

  /* For one field, how many items each value would leave given the other filters: the counts
     beside each choice ("Coding (4)"). Values no item has are absent. */
  function counts(items, filters, field) {
    const others = { ...filters, [field]: "" };
    const result = Object.create(null);
    items.forEach((item) => {
      if (matches(item, others)) result[item[field]] = (result[item[field]] || 0) + 1;
    });
    return result;
  }

  /* The choices for one field: [value, label, count] in the order of `labels` (the build's),
     values with no item left out unless chosen (a chosen value stays, with its count, even 0). */
  function choices(items, filters, field, labels) {
    const count = counts(items, filters, field);
    return Object.keys(labels)
      .filter((value) => count[value] || value === filters[field])
      .map((value) => [value, labels[value], count[value] || 0]);
  }

  return { FIELDS, none, read, write, matches, counts, choices };
});
