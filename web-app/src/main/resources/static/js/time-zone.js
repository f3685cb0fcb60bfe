// Tells the app the browser's time zone (an IANA id) so dates are shown in it: cookie "tz", see PersonTime.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("tz=" + encodeURIComponent(zone)) === -1) {
      document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
    }
  } catch (e) {
    // no Intl: times stay in UTC, and the pages say so
  }
})();
