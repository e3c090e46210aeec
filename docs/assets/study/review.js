/* Spaced review aimed at the interview date: loading FSRS and the calendar export.

   Memory states come from FSRS (ts-fsrs, vendored in vendor/ and loaded only when a record has
   reviews): each question's reviews are replayed in order, so the history in the study record is
   the only truth and nothing derived is stored. The plan and the day's queue are pure functions
   in loop.js (SISG.loop), so a test can drive them with any clock, in a page or under Node. */
(() => {
  "use strict";

  const S = (window.SISG = window.SISG || {});
  const L = S.loop; // loop.js: the plan and the day's queue as pure functions
  const { addDays } = L;

  /* ---- Loading FSRS on demand ---- */

  let fsrsPromise = null;
  function loadFsrs() {
    if (window.FSRS) return Promise.resolve(scheduler(window.FSRS));
    if (!fsrsPromise) {
      fsrsPromise = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = S.siteUrl ? S.siteUrl("assets/study/vendor/ts-fsrs.umd.js") : "vendor/ts-fsrs.umd.js";
        script.onload = () => resolve(scheduler(window.FSRS));
        script.onerror = () => {
          fsrsPromise = null;
          reject(new Error("the review scheduler did not load"));
        };
        document.head.append(script);
      });
    }
    return fsrsPromise;
  }

  const scheduler = L.scheduler;

  /* ---- Calendar export (RFC 5545): one all-day event per plan day (or span of days) ---- */

  const icsText = (text) => String(text).replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");

  // Lines longer than 75 octets are folded: CRLF and one space, never inside a UTF-8 sequence.
  function fold(line) {
    const encoder = new TextEncoder();
    const out = [];
    let current = "";
    let size = 0;
    for (const char of line) {
      const bytes = encoder.encode(char).length;
      if (size + bytes > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
        size = 0;
      }
      current += char;
      size += bytes;
    }
    out.push(current);
    return out.join("\r\n ");
  }

  /* days: [{day, end?, title, description}] → the .ics text; `end` (exclusive, default the day
     after) makes one event span a week. `stamp` is the export time (UTC). */
  function icsCalendar({ name, days, stamp, uidPrefix }) {
    const utc = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    const compact = (day) => day.replace(/-/g, "");
    const lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Spotify Interview Study Guides//Study plan//EN",
      "CALSCALE:GREGORIAN",
      `X-WR-CALNAME:${icsText(name)}`,
    ];
    days.forEach((entry) => {
      lines.push(
        "BEGIN:VEVENT",
        `UID:${uidPrefix}-${compact(entry.day)}@spotify-interview-study-guides`,
        `DTSTAMP:${utc(stamp)}`,
        `DTSTART;VALUE=DATE:${compact(entry.day)}`,
        `DTEND;VALUE=DATE:${compact(entry.end || addDays(entry.day, 1))}`,
        `SUMMARY:${icsText(entry.title)}`,
        `DESCRIPTION:${icsText(entry.description)}`,
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
      );
    });
    lines.push("END:VCALENDAR");
    return `${lines.map(fold).join("\r\n")}\r\n`;
  }

  // The pure functions stay reachable here too, for the pages and tests that call SISG.review.
  S.review = { ...L, loadFsrs, scheduler, icsCalendar };
})();
