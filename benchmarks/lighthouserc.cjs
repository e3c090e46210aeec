/* Lighthouse CI (@lhci/cli, pinned in package.json): the pages, runs, settings and targets of
   benchmarks/lighthouse.sh, which builds the site into out/lighthouse/site first.

   The site is served by gzip_server.py on LHCI_PORT, gzip-compressed as GitHub Pages serves it.
   Role pages and topic pages come from the built site's guide.json, so a new role is audited
   without editing this file. Environment: LHCI_PORT, LHCI_RUNS (default 3), LHCI_PRESET (mobile
   or desktop), LHCI_PAGES ("all", "core" or a comma-separated list of site paths). */
const fs = require("fs");
const path = require("path");

const here = __dirname;
const site = path.join(here, "out", "lighthouse", "site");
const port = process.env.LHCI_PORT || "8765";
const base = `http://127.0.0.1:${port}/`;
const preset = process.env.LHCI_PRESET || "mobile";
const which = process.env.LHCI_PAGES || "all";

function pages() {
  const guide = JSON.parse(fs.readFileSync(path.join(site, "guide.json"), "utf8"));
  const core = ["", guide.roles[0].url, "topics/", "questions/"];
  if (which === "core") return core;
  if (which !== "all") return which.split(",").map((page) => page.trim());
  // Topic pages share one template: the largest stands for all of them.
  const size = (topic) => fs.statSync(path.join(site, topic.url, "index.html")).size;
  const largest = guide.topics.reduce((a, b) => (size(b) > size(a) ? b : a));
  return ["", ...guide.roles.map((role) => role.url), "topics/", "questions/", largest.url]
    .concat(Object.values(guide.pages)); // the study tools, as the build names them
}

const target = (minScore) => ["error", { minScore, aggregationMethod: "median-run" }];

module.exports = {
  ci: {
    collect: {
      url: pages().map((page) => base + page),
      startServerCommand: `${process.env.PYTHON || "python3"} ${path.join(here, "gzip_server.py")} ${site} --port ${port}`,
      startServerReadyPattern: "Serving",
      numberOfRuns: Number(process.env.LHCI_RUNS || 3),
      chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
      settings: {
        ...(preset === "desktop" ? { preset: "desktop" } : {}),
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
        maxWaitForLoad: 45000,
        // No sandbox as root in CI; no background requests to Google on a machine without internet.
        chromeFlags: "--headless=new --no-sandbox --disable-gpu --disable-background-networking",
      },
    },
    assert: {
      assertions: {
        "categories:performance": target(0.98),
        "categories:accessibility": target(1),
        "categories:best-practices": target(1),
        "categories:seo": target(1),
      },
    },
    upload: {
      target: "filesystem",
      outputDir: path.join(here, "out", "lighthouse", "lhci"),
    },
  },
};
