// 长者模式 (elder-friendly mode): chosen with ?mode=elder or ?mode=standard
// and remembered in a cookie. nginx applies it before the page is sent, without
// JavaScript (dist/nginx/*.conf); this script does the same where the pages
// are served otherwise (the preview, a plain file server). Loaded in <head>,
// before the page is drawn, so the chosen mode never flashes.
(function () {
  'use strict';
  var query = /(?:^|[?&])mode=(elder|standard)(?:&|$)/.exec(location.search);
  var cookie = /(?:^|;\s*)portal_mode=(elder|standard)(?:;|$)/.exec(document.cookie);
  var mode = query ? query[1] : (cookie ? cookie[1] : 'standard');
  if (query) { document.cookie = 'portal_mode=' + mode + '; path=/; max-age=31536000; samesite=lax'; }
  document.documentElement.setAttribute('data-mode', mode);
})();
