// The reader's time on call and event pages. When the server did not know the reader's time zone (it showed UTC:
// data-reader-zone-source="default"), show the times in the zone the browser reports and remember it in a cookie, so
// the next page is right from the server. Without JavaScript the page is complete: the reader picks a zone in the form.
// Inside the element with data-reader-zone-source:
//   <time data-reader-time data-instant="ISO">              one instant: date, joiner (data-joiner), time
//   <span data-reader-range data-start="ISO" data-end="ISO">  a span of time: one date when both ends are on the same day
//   [data-reader-zone-name]                                   the zone's name, as the zone form's list writes it
(function () {
  'use strict';
  var root = document.querySelector('[data-reader-zone-source="default"]');
  if (!root || !window.Intl || !Intl.DateTimeFormat) { return; }
  var zone, date, time;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var lang = document.documentElement.lang || 'ar';
    date = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone, calendar: 'gregory', numberingSystem: 'latn' });
    time = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
  } catch (e) { return; }
  if (!zone) { return; }
  document.cookie = 'enact-tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax'
    + (location.protocol === 'https:' ? '; secure' : '');
  if (zone === root.getAttribute('data-reader-zone')) { return; }

  var joiner = root.getAttribute('data-joiner') || ' ';
  function at(instant) { return date.format(instant) + joiner + time.format(instant); }

  root.querySelectorAll('time[data-reader-time]').forEach(function (el) {
    var instant = new Date(el.getAttribute('data-instant'));
    el.textContent = at(instant);
    el.setAttribute('datetime', el.getAttribute('data-instant'));
  });
  root.querySelectorAll('[data-reader-range]').forEach(function (el) {
    var start = new Date(el.getAttribute('data-start'));
    var end = new Date(el.getAttribute('data-end'));
    el.textContent = date.format(start) === date.format(end)
      ? date.format(start) + joiner + time.format(start) + '–' + time.format(end)
      : at(start) + ' – ' + at(end);
  });

  var select = root.querySelector('select[name="tz"]');
  var name = zone;
  if (select) {
    var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
    if (!option) {
      option = new Option(zone, zone);
      select.add(option);
    }
    name = option.textContent;
    select.value = zone;
  }
  root.querySelectorAll('[data-reader-zone-name]').forEach(function (el) { el.textContent = name; });
  root.setAttribute('data-reader-zone', zone);
  root.setAttribute('data-reader-zone-source', 'script');
}());
