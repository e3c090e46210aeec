/* store.js is a browser script (an IIFE that reads window.SISG.stories and defines window.SISG.store):
   run it in a sandbox with a window that has no storage, so only its pure parts are used. */
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const STUDY = path.join(__dirname, "..", "..", "docs", "assets", "study");
const storybank = require(path.join(STUDY, "storybank.js"));

function loadStore() {
  const window = { SISG: { stories: storybank }, addEventListener() {} };
  vm.runInNewContext(fs.readFileSync(path.join(STUDY, "store.js"), "utf8"), { window, Blob, Date, JSON });
  return window.SISG.store;
}

module.exports = { STUDY, storybank, loadStore };
