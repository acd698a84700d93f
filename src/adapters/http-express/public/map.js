/* global window, document, L */
// Draws the places of [data-map] with Leaflet. The places and the distance are also written out
// in the page, so nothing is lost when the tiles (or this script) cannot load.
(function () {
  'use strict';
  if (!window.L) return;
  document.querySelectorAll('[data-map]').forEach(function (element) {
    var points;
    try {
      points = JSON.parse(element.getAttribute('data-points') || '[]');
    } catch {
      return;
    }
    if (!points.length) {
      element.classList.add('map-empty');
      return;
    }
    var map = L.map(element, { scrollWheelZoom: false, attributionControl: true });
    var tiles = element.getAttribute('data-tiles');
    if (tiles) {
      L.tileLayer(tiles, {
        maxZoom: 18,
        attribution: '&copy; OpenStreetMap contributors',
      }).addTo(map);
    }
    var colors = { me: '#7b2cbf', them: '#d6245f' };
    var latLngs = points.map(function (p) {
      var latLng = [p.lat, p.lon];
      // Leaflet writes tooltip strings as HTML: hand it a text node instead (labels are user data).
      var label = document.createElement('span');
      label.textContent = String(p.label);
      L.circleMarker(latLng, {
        radius: 10,
        color: '#ffffff',
        weight: 3,
        fillColor: colors[p.kind] || '#d6245f',
        fillOpacity: 1,
      })
        .addTo(map)
        .bindTooltip(label, {
          permanent: true,
          direction: 'top',
          offset: [0, -10],
          className: 'map-marker-label',
        });
      return latLng;
    });
    if (latLngs.length > 1) {
      L.polyline(latLngs, { color: '#3557c7', weight: 2, dashArray: '6 6' }).addTo(map);
      map.fitBounds(latLngs, { padding: [50, 50], maxZoom: 12 });
    } else {
      map.setView(latLngs[0], 10);
    }
  });
})();
