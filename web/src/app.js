// Vigie web UI: map, timeline, filters, list and incident panel. Plain JS, no framework.
// Everything it loads comes from the same server (API under /api, assets embedded in the binary).
/* global L */
'use strict';

const TYPES = [
  ['Battles', '#d7301f'],
  ['Explosions/Remote violence', '#7a0177'],
  ['Violence against civilians', '#ec7014'],
  ['Protests', '#2b8cbe'],
  ['Riots', '#41ab5d'],
  ['Strategic developments', '#737373'],
];
const TYPE_COLOR = new Map(TYPES);
const OTHER_COLOR = '#444';
const TIME_PRECISION = { 1: 'exact day', 2: 'within a week', 3: 'within a month' };
const GEO_PRECISION = { 1: 'the named place', 2: 'near the place / small area', 3: 'region only' };
const FIGURES = ['fatalities', 'injured', 'abducted', 'attackers'];
const LANG_NAME = { fr: 'French', en: 'English' };
// ACLED sub-event types by event type, for the edit form.
const SUB_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Violence against civilians': ['Attack', 'Abduction/forced disappearance', 'Sexual violence'],
  'Explosions/Remote violence': ['Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade', 'Chemical weapon'],
  Riots: ['Violent demonstration', 'Mob violence'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  'Strategic developments': ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'],
};
// The corrections an analyst can make from the panel, and the inputs each needs.
const EDIT_OPS = [
  ['figure', 'Set a figure'],
  ['type', 'Set the type'],
  ['date', 'Set the date'],
  ['place', 'Set the place'],
  ['actors', 'Set the actors'],
  ['merge', 'Merge another incident into this one'],
  ['split', 'Move reports out (split)'],
  ['confirm', 'Confirm as reviewed'],
  ['not_an_event', 'Mark as not an event'],
];
const TOKEN_KEY = 'vigie-write-token';

// Up to this many matching incidents the page holds them all (markers grouped on screen,
// timeline brushed without asking the server); above it, or with ?clusters=server in the
// address, the server groups them (/api/map) and the list shows the map's box a page at a time.
const CLIENT_LIMIT = 5000;
const LIST_PAGE = 200;

const state = {
  incidents: [], // summaries as the API lists them (current server-side filters; in server mode, the list's page)
  total: 0,
  serverMode: false, // the server groups the incidents for the map (large stores)
  mapView: null, // the last /api/map answer (server mode)
  period: null, // [startISO, endISO] brushed on the timeline, inclusive
  selected: null,
  config: {},
};

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function s(tag, attrs) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  return el;
}

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await r.json();
  } catch (_) {
    /* not JSON */
  }
  if (!r.ok) throw new Error((body && body.error) || `${r.status} ${r.statusText}`);
  return body;
}

function setStatus(msg, isError) {
  const el = document.getElementById('status');
  el.textContent = msg;
  el.classList.toggle('error', !!isError);
}

function color(type) {
  return TYPE_COLOR.get(type) || OTHER_COLOR;
}

function radius(inc) {
  const best = (inc.fatalities && inc.fatalities.best) || 0;
  return 5 + 3 * Math.log2(1 + best);
}

/** Monday (UTC) of the ISO week of a YYYY-MM-DD date, as YYYY-MM-DD. */
function weekOf(date) {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
function addDays(date, n) {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function fmtEstimate(e) {
  if (!e || (e.low == null && e.best == null && e.high == null)) return null;
  return e;
}

function fmtValue(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'object') return String(v);
  if ('best' in v || 'low' in v) {
    const q = v.qualifier || 'exact';
    const range = v.high == null ? `${v.low}+` : v.low === v.high ? `${v.low}` : `${v.low}–${v.high}`;
    const words = {
      exact: '', more_than: 'more than ', at_least: 'at least ', up_to: 'up to ',
      about: 'about ', range: '', vague: 'vague: ',
    };
    return `${words[q] || ''}${range} (best ${v.best})`;
  }
  return JSON.stringify(v);
}

function valueKey(v) {
  if (v && typeof v === 'object' && 'best' in v) return `${v.low}|${v.high}|${v.best}`;
  return JSON.stringify(v);
}

/**
 * Claim offsets are UTF-8 byte offsets into the article text; JS strings index UTF-16 code
 * units. Returns a function mapping a byte offset to a string index (or -1 if it falls
 * inside a character or beyond the end).
 */
function byteOffsetMapper(text) {
  const map = new Map();
  let bytes = 0;
  let units = 0;
  map.set(0, 0);
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    units += ch.length;
    map.set(bytes, units);
  }
  return (b) => (map.has(b) ? map.get(b) : -1);
}

// ---------------------------------------------------------------------------
// Map
// ---------------------------------------------------------------------------

let map;
let markerLayer;
let zoneLayer;
const markerById = new Map();

function initMap() {
  map = L.map('map', { zoomControl: true, attributionControl: false, worldCopyJump: true, preferCanvas: false });
  L.control.attribution({ prefix: false }).addTo(map);
  map.setView([15, 0], 4);
  // Boundaries get their own pane under the markers (overlayPane is at z-index 400).
  map.createPane('boundaries').style.zIndex = 350;
  markerLayer = L.layerGroup().addTo(map);
  // Watch zones sit between the boundaries and the markers.
  map.createPane('zones').style.zIndex = 380;
  zoneLayer = L.layerGroup().addTo(map);
  map.on('zoomend', () => {
    if (!state.serverMode) drawMarkers();
  });
  // In server mode every move asks for the new box (the last answer wins).
  let moveTimer = null;
  map.on('moveend', () => {
    if (!state.serverMode) return;
    clearTimeout(moveTimer);
    moveTimer = setTimeout(loadView, 150);
  });

  const legend = L.control({ position: 'bottomleft' });
  legend.onAdd = () => {
    const box = h('div', { class: 'legend', 'data-testid': 'legend' }, h('strong', { text: 'Event type' }));
    for (const [t, c] of TYPES) {
      box.append(h('div', {}, h('span', { class: 'swatch', style: `background:${c}` }), t));
    }
    box.append(h('div', { class: 'legend-note', text: 'Size: fatalities (best, log scale). Numbered circles: grouped incidents.' }));
    return box;
  };
  legend.addTo(map);
}

async function loadBoundaries() {
  const layers = {};
  try {
    const countries = await getJSON('geo/countries.geojson');
    layers.Countries = L.geoJSON(countries, {
      pane: 'boundaries',
      style: { color: '#8a8a8a', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 },
      onEachFeature: (f, layer) => {
        if (f.properties && f.properties.name) {
          layer.bindTooltip(f.properties.name, { sticky: true, direction: 'top', opacity: 0.8 });
          layer.on('click', () => {
            document.querySelector('[name=country]').value = f.properties.name;
          });
        }
      },
    }).addTo(map);
    map.attributionControl.addAttribution('Boundaries: Natural Earth');
  } catch (e) {
    setStatus(`Could not load country outlines: ${e.message}`, true);
  }
  try {
    if (state.config.admin1_layer) {
      const admin1 = await getJSON('geo/admin1.geojson');
      layers.Regions = L.geoJSON(admin1, {
        pane: 'boundaries',
        style: { color: '#b0a890', weight: 0.6, dashArray: '3 3', fill: false },
        onEachFeature: (f, layer) => {
          if (f.properties && f.properties.name) layer.bindTooltip(f.properties.name, { sticky: true });
        },
      }).addTo(map);
    }
  } catch (_) {
    /* regions are optional */
  }
  if (state.config.tile_url) {
    // The operator asked for an online basemap: show it, with the country fill made
    // transparent so the tiles show through (outlines stay). Toggle in the layer control.
    const tiles = L.tileLayer(state.config.tile_url, {
      maxZoom: 18,
      attribution: 'Tiles: as configured by the server operator',
    });
    layers['Online tiles'] = tiles;
    const fill = (on) => layers.Countries && layers.Countries.setStyle({ fillOpacity: on ? 0 : 1 });
    map.on('overlayadd', (e) => e.layer === tiles && fill(true));
    map.on('overlayremove', (e) => e.layer === tiles && fill(false));
    tiles.addTo(map);
    fill(true);
  }
  if (Object.keys(layers).length > 1) L.control.layers(null, layers, { collapsed: true }).addTo(map);
}

/** Grid clustering in screen space: incidents closer than CELL pixels are grouped. */
const CELL = 36;
function drawMarkers() {
  if (!map) return;
  markerLayer.clearLayers();
  markerById.clear();
  if (state.serverMode) {
    drawServerMarkers();
    return;
  }
  const visible = visibleIncidents().filter((i) => i.latitude != null && i.longitude != null);
  const zoom = map.getZoom();
  const cells = new Map();
  for (const inc of visible) {
    const p = map.project([inc.latitude, inc.longitude], zoom);
    const key = `${Math.floor(p.x / CELL)}:${Math.floor(p.y / CELL)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(inc);
  }
  for (const group of cells.values()) {
    if (group.length === 1 || zoom >= map.getMaxZoom()) {
      for (const inc of group) addMarker(inc);
    } else {
      addCluster(group);
    }
  }
}

function addMarker(inc) {
  const m = L.circleMarker([inc.latitude, inc.longitude], {
    radius: radius(inc),
    color: '#222',
    weight: inc.id === state.selected ? 3 : 1,
    fillColor: color(inc.event_type),
    fillOpacity: 0.8,
    className: 'incident-marker',
  });
  const best = inc.fatalities && inc.fatalities.best;
  m.bindTooltip(
    `${escapeHTML(inc.date || 'date unknown')} · ${escapeHTML(inc.event_type || '')}<br>${escapeHTML(inc.location || '')}` +
      (best != null ? ` · ${best} killed` : ''),
  );
  m.on('click', () => openIncident(inc.id));
  m.on('add', () => {
    const el = m.getElement();
    if (el) {
      el.setAttribute('data-testid', 'incident-marker');
      el.setAttribute('data-id', inc.id);
    }
  });
  m.addTo(markerLayer);
  markerById.set(inc.id, m);
}

function addCluster(group) {
  const lat = group.reduce((a, i) => a + i.latitude, 0) / group.length;
  const lon = group.reduce((a, i) => a + i.longitude, 0) / group.length;
  const size = 22 + Math.min(26, 4 * Math.log2(group.length));
  const icon = L.divIcon({
    className: 'cluster-icon',
    html: `<span data-testid="cluster" style="width:${size}px;height:${size}px;line-height:${size}px">${group.length}</span>`,
    iconSize: [size, size],
  });
  const m = L.marker([lat, lon], { icon, keyboard: true, title: `${group.length} incidents: zoom in` });
  m.on('click', () => {
    const b = L.latLngBounds(group.map((i) => [i.latitude, i.longitude]));
    map.fitBounds(b.pad(0.5), { maxZoom: Math.min(map.getZoom() + 3, map.getMaxZoom()) });
  });
  m.addTo(markerLayer);
}

/** Server mode: the clusters and lone incidents of the last /api/map answer. */
function drawServerMarkers() {
  const mv = state.mapView;
  if (!mv) return;
  for (const inc of mv.incidents) addMarker(inc);
  for (const c of mv.clusters) {
    const size = 22 + Math.min(26, 4 * Math.log2(c.count));
    const types = c.event_types.map((t) => `${t.count} × ${t.event_type}`).join(', ');
    const icon = L.divIcon({
      className: 'cluster-icon',
      html: `<span data-testid="cluster" style="width:${size}px;height:${size}px;line-height:${size}px">${c.count}</span>`,
      iconSize: [size, size],
    });
    const m = L.marker([c.latitude, c.longitude], { icon, keyboard: true, title: `${c.count} incidents (${types}): zoom in` });
    m.on('click', () => {
      const b = c.bounds;
      const same = b.north - b.south < 1e-6 && b.east - b.west < 1e-6;
      if (same || map.getZoom() >= map.getMaxZoom()) {
        // One spot: zooming cannot split them; list them instead.
        state.listBox = b;
        loadView();
      } else {
        map.fitBounds(L.latLngBounds([b.south, b.west], [b.north, b.east]).pad(0.2), { maxZoom: map.getMaxZoom() });
      }
    });
    m.addTo(markerLayer);
  }
}

function escapeHTML(t) {
  return String(t).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function fitToIncidents() {
  if (state.serverMode) {
    const e = state.mapView && state.mapView.extent;
    if (e) map.fitBounds(L.latLngBounds([e.south, e.west], [e.north, e.east]).pad(0.3), { maxZoom: 8 });
    return;
  }
  const pts = state.incidents.filter((i) => i.latitude != null && i.longitude != null).map((i) => [i.latitude, i.longitude]);
  if (pts.length === 1) map.setView(pts[0], 7);
  else if (pts.length > 1) map.fitBounds(L.latLngBounds(pts).pad(0.3), { maxZoom: 8 });
}

// ---------------------------------------------------------------------------
// Filters and loading
// ---------------------------------------------------------------------------

function filterParams() {
  const form = document.getElementById('filters');
  const p = new URLSearchParams();
  for (const name of ['since', 'until', 'type', 'actor', 'country', 'admin1', 'q']) {
    const v = form.elements[name].value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

async function load() {
  setStatus('Loading incidents…');
  const p = filterParams();
  state.listBox = null;
  try {
    // How many match decides who groups them: the page (few) or the server (many).
    const count = (await getJSON(`api/incidents?${p}&limit=0`)).total;
    const forced = new URLSearchParams(location.search).get('clusters') === 'server';
    state.serverMode = forced || count > CLIENT_LIMIT;
    if (state.serverMode) {
      state.period = null;
      const mv = await getJSON(`api/map?${p}&zoom=0`);
      state.mapView = mv;
      state.total = mv.total;
      if (mv.extent) fitToIncidents();
      await loadView();
      return;
    }
    state.mapView = null;
    p.set('limit', String(Math.max(1, count)));
    p.set('view', 'summary');
    const page = await getJSON(`api/incidents?${p}`);
    state.incidents = page.items;
    state.total = page.total;
    state.period = null;
    render();
    fitToIncidents();
    const shown = page.items.length;
    const noCoords = page.items.filter((i) => i.latitude == null || i.longitude == null).length;
    setStatus(
      `${page.total} incident${page.total === 1 ? '' : 's'}` +
        (shown < page.total ? ` (first ${shown} shown)` : '') +
        (noCoords ? `, ${noCoords} without coordinates (listed, not mapped)` : ''),
    );
  } catch (e) {
    setStatus(`Could not load incidents: ${e.message}`, true);
  }
}

/** The map's box as the API reads it: west,south,east,north (longitudes may pass ±180). */
function viewBox() {
  const b = map.getBounds();
  const r = (x) => Math.round(x * 1e5) / 1e5;
  const west = Math.max(-9999, r(b.getWest()));
  const east = Math.min(9999, r(b.getEast()));
  return `${west},${r(b.getSouth())},${east},${r(b.getNorth())}`;
}

/** Server mode: the grouped map of the box, its timeline, and a page of its incidents. */
let viewRequest = 0;
async function loadView() {
  if (!state.serverMode) return;
  const ticket = ++viewRequest;
  const p = filterParams();
  if (state.period) {
    const since = p.get('since');
    const until = p.get('until');
    p.set('since', since && since > state.period[0] ? since : state.period[0]);
    p.set('until', until && until < state.period[1] ? until : state.period[1]);
  }
  const box = state.listBox ? `${state.listBox.west},${state.listBox.south},${state.listBox.east},${state.listBox.north}` : viewBox();
  state.listBox = null;
  const list = new URLSearchParams(p);
  list.set('bbox', box);
  list.set('limit', String(LIST_PAGE));
  list.set('view', 'summary');
  const mapQ = new URLSearchParams(p);
  mapQ.set('bbox', viewBox());
  mapQ.set('zoom', String(map.getZoom()));
  try {
    const [mv, page] = await Promise.all([getJSON(`api/map?${mapQ}`), getJSON(`api/incidents?${list}`)]);
    if (ticket !== viewRequest) return; // a later move has asked again
    state.mapView = mv;
    state.incidents = page.items;
    state.total = mv.total;
    render();
    setStatus(
      `${mv.total} incident${mv.total === 1 ? '' : 's'} match; ${page.total} in this part of the map` +
        (page.items.length < page.total ? ` (latest ${page.items.length} listed)` : '') +
        (mv.without_coordinates ? `, ${mv.without_coordinates} without coordinates (not mapped)` : '') +
        '. Grouped by the server.',
    );
  } catch (e) {
    if (ticket === viewRequest) setStatus(`Could not load incidents: ${e.message}`, true);
  }
}

function visibleIncidents() {
  if (state.serverMode || !state.period) return state.incidents;
  const [a, b] = state.period;
  return state.incidents.filter((i) => i.date && i.date >= a && i.date <= b);
}

function render() {
  drawMarkers();
  drawTimeline();
  drawList();
  const per = document.getElementById('period');
  const clear = document.getElementById('clear-period');
  if (state.period) {
    per.textContent = `Period: ${state.period[0]} → ${state.period[1]}`;
    clear.disabled = false;
  } else {
    per.textContent = '';
    clear.disabled = true;
  }
}

// ---------------------------------------------------------------------------
// List
// ---------------------------------------------------------------------------

function drawList() {
  const list = document.getElementById('list');
  const items = visibleIncidents()
    .slice()
    .sort((a, b) => (b.date || '').localeCompare(a.date || ''));
  document.getElementById('count').textContent = `(${items.length})`;
  list.replaceChildren(
    ...items.slice(0, 500).map((inc) => {
      const best = inc.fatalities && inc.fatalities.best;
      const langs = (inc.languages || []).join('/');
      return h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'item' + (inc.id === state.selected ? ' selected' : ''),
            'data-testid': 'incident-item',
            'data-id': inc.id,
            onclick: () => openIncident(inc.id),
          },
          h('span', { class: 'swatch', style: `background:${color(inc.event_type)}`, 'aria-hidden': 'true' }),
          h('span', { class: 'item-date', text: inc.date || 'no date' }),
          h('span', { class: 'item-type', text: inc.sub_event_type || inc.event_type || '' }),
          h('span', { class: 'item-place', text: [inc.location, inc.admin1, inc.country].filter((x, k, all) => x && all.indexOf(x) === k).join(', ') }),
          h('span', { class: 'item-figs', text: best != null ? `${best} killed` : '' }),
          h('span', { class: 'item-src', text: `${inc.reports} report${inc.reports === 1 ? '' : 's'}${langs ? ' · ' + langs : ''}` }),
        ),
      );
    }),
  );
  if (items.length === 0) list.append(h('li', { class: 'empty', text: 'No incident matches.' }));
}

// ---------------------------------------------------------------------------
// Watch zones and alerts (vigie watch / serve --watch)
// ---------------------------------------------------------------------------

const ZONE_STYLE = { pane: 'zones', color: '#7b2cbf', weight: 2, opacity: 0.8, fillOpacity: 0.06 };

function drawZones(zones) {
  zoneLayer.clearLayers();
  for (const z of zones) {
    const g = z.geometry || {};
    let layer = null;
    let label = z.name;
    if (z.kind === 'point') {
      layer = L.circle([g.lat, g.lon], { ...ZONE_STYLE, radius: g.radius_km * 1000 });
      label += ` (${g.radius_km} km around)`;
    } else if (z.kind === 'corridor') {
      // A line's width is in pixels, not km: the buffer is said in the tooltip.
      layer = L.polyline(g.line, { ...ZONE_STYLE, weight: 4, dashArray: '8 6' });
      label += ` (${g.buffer_km} km either side)`;
    } else if (z.kind === 'polygon') {
      layer = L.polygon(g.polygons, ZONE_STYLE);
    }
    if (layer) {
      layer.bindTooltip(`Zone: ${escapeHTML(label)}`);
      zoneLayer.addLayer(layer);
    }
  }
}

function drawAlerts(alerts) {
  const box = document.getElementById('alerts-box');
  const wasHidden = box.hidden;
  box.hidden = alerts.length === 0;
  if (wasHidden && !box.hidden) box.open = true;
  document.getElementById('alert-count').textContent = `(${alerts.length})`;
  document.getElementById('alerts').replaceChildren(
    ...alerts.map((a) => {
      const inc = (a.payload && a.payload.incident) || {};
      const when = new Date(a.created_at * 1000).toISOString().slice(0, 16).replace('T', ' ');
      const best = inc.fatalities && inc.fatalities.best;
      return h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'item',
            'data-testid': 'alert-item',
            'data-id': a.incident_id,
            title: a.changes.length ? `Changed: ${a.changes.join('; ')}` : 'New incident in the zone',
            onclick: () => openIncident(a.incident_id),
          },
          h('span', { class: 'item-date', text: when }),
          h('span', { class: 'item-type', text: `${a.zone} · ${a.kind}` }),
          h('span', { class: 'item-place', text: [inc.sub_event_type || inc.event_type, inc.location, inc.date].filter(Boolean).join(', ') }),
          h('span', { class: 'item-figs', text: best != null ? `${best} killed` : '' }),
          h('span', { class: 'item-src', text: a.changes.join('; ') }),
        ),
      );
    }),
  );
}

async function loadMonitor() {
  try {
    const [zones, alerts] = await Promise.all([getJSON('api/zones'), getJSON('api/alerts?limit=100')]);
    drawZones(zones.items);
    drawAlerts(alerts.items);
  } catch (_) {
    // An older server without the monitor: nothing to show.
  }
}

async function loadStats() {
  try {
    const st = await getJSON('api/stats');
    const table = (title, rows, key) =>
      h(
        'table',
        {},
        h('caption', { text: title }),
        h('tbody', {}, rows.slice(0, 10).map((r) => h('tr', {}, h('td', { text: r[key] }), h('td', { class: 'num', text: r.count })))),
      );
    document.getElementById('stats').replaceChildren(
      h('p', { text: `${st.articles} articles, ${st.incidents} incidents in the store.` }),
      table('Top regions (admin1)', st.per_admin1, 'admin1'),
      table('Top actors', st.per_actor, 'actor'),
    );
  } catch (e) {
    document.getElementById('stats').textContent = `Statistics unavailable: ${e.message}`;
  }
}

// ---------------------------------------------------------------------------
// Timeline with brushing
// ---------------------------------------------------------------------------

/** Incidents per week (its Monday) and event type: counted here, or by the server. */
function weekCounts() {
  const counts = new Map();
  const add = (week, type, n) => {
    if (!counts.has(week)) counts.set(week, new Map());
    const m = counts.get(week);
    m.set(type, (m.get(type) || 0) + n);
  };
  if (state.serverMode) {
    for (const r of (state.mapView && state.mapView.per_week_type) || []) add(r.week, TYPE_COLOR.has(r.event_type) ? r.event_type : 'Other', r.count);
  } else {
    for (const i of state.incidents) if (i.date) add(weekOf(i.date), i.event_type || 'Other', 1);
  }
  return counts;
}

function drawTimeline() {
  const svg = document.getElementById('timeline');
  const W = svg.clientWidth || 600;
  const H = svg.clientHeight || 120;
  const pad = { l: 28, r: 8, t: 8, b: 20 };
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.replaceChildren();
  const counts = weekCounts();
  if (counts.size === 0) {
    const t = s('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'tl-empty' });
    t.textContent = 'No dated incident';
    svg.append(t);
    return;
  }
  const weeks = [...counts.keys()].sort();
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const allWeeks = [];
  for (let w = first; w <= last; w = addDays(w, 7)) {
    allWeeks.push(w);
    if (!counts.has(w)) counts.set(w, new Map());
  }
  const maxCount = Math.max(...[...counts.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const bw = (W - pad.l - pad.r) / allWeeks.length;
  const y = (n) => ((H - pad.t - pad.b) * n) / maxCount;
  // axis
  const axis = s('text', { x: 2, y: pad.t + 8, class: 'tl-axis' });
  axis.textContent = String(maxCount);
  svg.append(axis, s('line', { x1: pad.l, x2: W - pad.r, y1: H - pad.b, y2: H - pad.b, class: 'tl-base' }));
  const labelEvery = Math.max(1, Math.ceil(allWeeks.length / Math.max(1, Math.floor((W - pad.l) / 70))));
  allWeeks.forEach((w, k) => {
    let y0 = H - pad.b;
    const m = counts.get(w);
    for (const [t] of [...TYPES, ['Other']]) {
      const n = m.get(t);
      if (!n) continue;
      const hgt = y(n);
      const r = s('rect', { x: pad.l + k * bw + 1, y: y0 - hgt, width: Math.max(1, bw - 2), height: hgt, fill: color(t), 'data-week': w });
      const tt = s('title', {});
      tt.textContent = `Week of ${w}: ${n} × ${t}`;
      r.append(tt);
      svg.append(r);
      y0 -= hgt;
    }
    if (k % labelEvery === 0) {
      const lab = s('text', { x: pad.l + k * bw + 2, y: H - 5, class: 'tl-label' });
      lab.textContent = w;
      svg.append(lab);
    }
  });
  // brushed period
  if (state.period) {
    const a = allWeeks.indexOf(weekOf(state.period[0]));
    const b = allWeeks.indexOf(weekOf(state.period[1]));
    if (a >= 0 && b >= 0) {
      svg.append(s('rect', { x: pad.l + a * bw, y: pad.t, width: (b - a + 1) * bw, height: H - pad.t - pad.b, class: 'tl-brush' }));
    }
  }
  svg._weeks = allWeeks;
  svg._geom = { padL: pad.l, bw, H, padT: pad.t, padB: pad.b };
}

function initBrush() {
  const svg = document.getElementById('timeline');
  let start = null;
  let rect = null;
  const weekAt = (evt) => {
    const box = svg.getBoundingClientRect();
    const g = svg._geom;
    const weeks = svg._weeks || [];
    if (!g || weeks.length === 0) return null;
    const x = ((evt.clientX - box.left) * (svg.viewBox.baseVal.width || box.width)) / box.width;
    const k = Math.min(weeks.length - 1, Math.max(0, Math.floor((x - g.padL) / g.bw)));
    return k;
  };
  svg.addEventListener('pointerdown', (e) => {
    start = weekAt(e);
    if (start === null) return;
    svg.setPointerCapture(e.pointerId);
    const g = svg._geom;
    rect = s('rect', { x: g.padL + start * g.bw, y: g.padT, width: g.bw, height: g.H - g.padT - g.padB, class: 'tl-brush' });
    svg.append(rect);
  });
  svg.addEventListener('pointermove', (e) => {
    if (start === null || !rect) return;
    const k = weekAt(e);
    const g = svg._geom;
    const a = Math.min(start, k);
    const b = Math.max(start, k);
    rect.setAttribute('x', g.padL + a * g.bw);
    rect.setAttribute('width', (b - a + 1) * g.bw);
  });
  const finish = (e) => {
    if (start === null) return;
    const k = weekAt(e);
    const weeks = svg._weeks;
    const a = Math.min(start, k);
    const b = Math.max(start, k);
    start = null;
    rect = null;
    state.period = [weeks[a], addDays(weeks[b], 6)];
    if (state.serverMode) loadView();
    else render();
  };
  svg.addEventListener('pointerup', finish);
  svg.addEventListener('pointercancel', () => {
    start = null;
    rect = null;
    drawTimeline();
  });
  document.getElementById('clear-period').addEventListener('click', () => {
    state.period = null;
    if (state.serverMode) loadView();
    else render();
  });
}

// ---------------------------------------------------------------------------
// Incident panel
// ---------------------------------------------------------------------------

async function openIncident(id) {
  state.selected = id;
  const panel = document.getElementById('panel');
  panel.hidden = false;
  document.getElementById('list-view').hidden = true;
  // `data-incident` names the incident the panel shows once it is rendered, not while it loads.
  delete panel.dataset.incident;
  panel.replaceChildren(backButton(), h('p', { text: 'Loading incident…' }));
  let inc;
  try {
    inc = await getJSON(`api/incidents/${encodeURIComponent(id)}`);
  } catch (e) {
    if (state.selected !== id) return;
    panel.replaceChildren(backButton(), h('p', { class: 'error', text: `Could not load incident: ${e.message}` }));
    return;
  }
  // Another incident was opened (or the panel closed) while this one loaded: a late answer
  // must not replace what the user now looks at.
  if (state.selected !== id) return;
  // The analyst's desk (review, edit mode, history) right under the facts it corrects.
  const parts = renderIncident(inc);
  parts.splice(3, 0, ...renderDesk(inc));
  panel.replaceChildren(...parts);
  panel.dataset.incident = id;
  loadHistory(id);
  panel.focus({ preventScroll: true });
  panel.scrollTop = 0;
  drawMarkers();
  const m = markerById.get(id);
  if (m && !map.getBounds().pad(-0.1).contains(m.getLatLng())) map.panTo(m.getLatLng(), { animate: false });
}

function backButton() {
  return h('button', {
    type: 'button',
    class: 'back',
    'data-testid': 'close-panel',
    onclick: () => {
      state.selected = null;
      document.getElementById('panel').hidden = true;
      document.getElementById('list-view').hidden = false;
      drawMarkers();
      drawList();
    },
    text: '← Back to the list',
  });
}

function dl(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [h('dt', { text: k }), h('dd', {}, v)]),
  );
}

function renderIncident(inc) {
  const out = [backButton()];
  out.push(
    h(
      'h2',
      { 'data-testid': 'incident-title' },
      h('span', { class: 'swatch', style: `background:${color(inc.event_type)}`, 'aria-hidden': 'true' }),
      `${inc.event_type || 'Unknown type'}${inc.sub_event_type ? ' — ' + inc.sub_event_type : ''}`,
    ),
  );
  const date = inc.date
    ? `${inc.date}${inc.date_end && inc.date_end !== inc.date ? ' → ' + inc.date_end : ''} (${TIME_PRECISION[inc.time_precision] || 'precision unknown'})`
    : 'unknown';
  const place = [inc.location, inc.admin3, inc.admin2, inc.admin1, inc.country]
    .filter((x, k, all) => x && all.indexOf(x) === k)
    .join(', ');
  const coords = inc.latitude != null ? ` · ${inc.latitude.toFixed(4)}, ${inc.longitude.toFixed(4)}` : '';
  const actor = (a, assoc) => (a ? a + (assoc ? ` (with ${assoc})` : '') : null);
  out.push(
    dl([
      ['Date', date],
      ['Place', place ? `${place} — coded to ${GEO_PRECISION[inc.geo_precision] || 'unknown precision'}${coords}` : 'unknown'],
      ['Admin1 (2023 reform)', inc.admin1_post2023 && inc.admin1_post2023 !== inc.admin1 ? inc.admin1_post2023 : null],
      ['Actor 1', actor(inc.actor1, inc.assoc_actor_1)],
      ['Actor 2', actor(inc.actor2, inc.assoc_actor_2)],
      ['Targets', (inc.targets || []).map((t) => t.kind.replace(/_/g, ' ') + (t.name ? ` (${t.name})` : '')).join('; ')],
      ['People', (inc.people || []).join('; ')],
      ['Operation', inc.operation],
      ['Id', inc.event_id_cnty || inc.id],
    ]),
  );

  // Figures: low / best / high.
  const rows = FIGURES.map((f) => [f, fmtEstimate(inc[f])]).filter(([, e]) => e);
  out.push(h('h3', { text: 'Figures' }));
  if (rows.length) {
    out.push(
      h(
        'table',
        { class: 'figures', 'data-testid': 'figures' },
        h('thead', {}, h('tr', {}, h('th', { text: '' }), h('th', { text: 'low' }), h('th', { text: 'best' }), h('th', { text: 'high' }))),
        h(
          'tbody',
          {},
          rows.map(([f, e]) =>
            h('tr', { 'data-figure': f }, h('th', { scope: 'row', text: f }), ...['low', 'best', 'high'].map((k) => h('td', { class: 'num', text: e[k] ?? '—' }))),
          ),
        ),
      ),
    );
  } else {
    out.push(h('p', { class: 'muted', text: 'No figure reported.' }));
  }

  // Claims, grouped by field; conflicting values side by side.
  const articles = new Map((inc.articles || []).map((a) => [a.ref, a]));
  const claims = inc.claims || [];
  out.push(h('h3', { text: `Claims (${claims.length})` }));
  const byField = new Map();
  for (const c of claims) {
    if (!byField.has(c.field)) byField.set(c.field, []);
    byField.get(c.field).push(c);
  }
  claims.forEach((c, i) => (c._n = i));
  // Figures first (conflicts are what the reader needs to see), then the other fields.
  const fields = [...byField.keys()].sort((a, b) => {
    const ra = FIGURES.includes(a) ? FIGURES.indexOf(a) : 99;
    const rb = FIGURES.includes(b) ? FIGURES.indexOf(b) : 99;
    return ra - rb || a.localeCompare(b);
  });
  const others = h('details', { class: 'other-claims' });
  let otherCount = 0;
  for (const field of fields) {
    const cs = byField.get(field);
    const values = new Map();
    for (const c of cs) {
      const k = valueKey(c.value);
      if (!values.has(k)) values.set(k, []);
      values.get(k).push(c);
    }
    let section;
    if (values.size > 1) {
      section = h(
        'section',
        { class: 'conflict', 'data-testid': 'conflict', 'aria-label': `Conflicting claims about ${field}` },
        h('h4', { text: `${field}: sources disagree` }),
        h('div', { class: 'side-by-side' }, [...values.values()].map((group) => h('div', { class: 'column' }, group.map((c) => claimCard(c, articles))))),
      );
    } else {
      section = h('section', { class: 'claims' }, h('h4', { text: field }), cs.map((c) => claimCard(c, articles)));
    }
    if (FIGURES.includes(field) || values.size > 1) out.push(section);
    else {
      others.append(section);
      otherCount += cs.length;
    }
  }
  if (otherCount) {
    others.prepend(h('summary', { text: `Other claims (${otherCount}): ${fields.filter((f) => !FIGURES.includes(f)).join(', ')}` }));
    out.push(others);
  }

  // Article texts, French and English together, quoted words highlighted.
  const texts = inc.texts || [];
  const order = { fr: 0, en: 1 };
  const sorted = texts.slice().sort((a, b) => (order[a.language] ?? 9) - (order[b.language] ?? 9) || a.ref.localeCompare(b.ref));
  const langs = [...new Set(sorted.map((t) => t.language))];
  out.push(
    h('h3', { text: `Reports (${texts.length})${langs.length > 1 ? ' — ' + langs.map((l) => LANG_NAME[l] || l).join(' and ') + ' together' : ''}` }),
  );
  out.push(h('div', { class: 'texts' + (sorted.length > 1 ? ' multi' : '') }, sorted.map((t) => articleText(t, claims))));
  return out;
}

// ---------------------------------------------------------------------------
// The analyst's desk: review status, edit mode, history
// ---------------------------------------------------------------------------

function renderDesk(inc) {
  const out = [];
  const review = inc.review;
  out.push(h('h3', { text: 'Review' }));
  out.push(
    h(
      'p',
      { 'data-testid': 'review-status', class: review ? 'reviewed' : 'muted' },
      review
        ? `${review.status} by ${review.reviewers.join(', ')}${review.notes.length ? ' — ' + review.notes.join('; ') : ''}`
        : 'Not reviewed: as extracted from the reports.',
    ),
  );
  if (state.config.writes) {
    const form = editForm(inc);
    out.push(
      h('button', {
        type: 'button',
        class: 'edit-toggle',
        'data-testid': 'edit-toggle',
        text: 'Edit…',
        onclick: () => {
          form.hidden = !form.hidden;
        },
      }),
      form,
    );
  }
  out.push(h('h3', { text: 'History' }), h('ol', { class: 'history', 'data-testid': 'history' }, h('li', { class: 'muted', text: 'Loading…' })));
  return out;
}

function field(label, input) {
  return h('label', { class: 'edit-field' }, h('span', { text: label }), input);
}

function editForm(inc) {
  const form = h('form', { class: 'edit-form', 'data-testid': 'edit-form', hidden: true });
  const op = h('select', { name: 'op', 'data-testid': 'edit-op' }, EDIT_OPS.map(([v, t]) => h('option', { value: v, text: t })));
  const figureSel = h('select', { name: 'figure', 'data-testid': 'edit-figure' }, FIGURES.map((f) => h('option', { value: f, text: f })));
  const num = (name) => h('input', { type: 'number', min: '0', step: '1', name, 'data-testid': `edit-${name}` });
  const low = num('low');
  const best = num('best');
  const high = num('high');
  const fill = () => {
    const e = inc[figureSel.value] || {};
    low.value = e.low ?? '';
    best.value = e.best ?? '';
    high.value = e.high ?? '';
  };
  figureSel.addEventListener('change', fill);
  fill();
  const sub = h(
    'select',
    { name: 'sub_event_type', 'data-testid': 'edit-sub-type' },
    Object.entries(SUB_TYPES).map(([t, subs]) => h('optgroup', { label: t }, subs.map((x) => h('option', { value: x, text: x, selected: x === inc.sub_event_type })))),
  );
  const date = h('input', { type: 'date', name: 'date', value: inc.date || '', 'data-testid': 'edit-date' });
  const precision = h('select', { name: 'precision' }, Object.entries(TIME_PRECISION).map(([k, v]) => h('option', { value: k, text: v, selected: Number(k) === inc.time_precision })));
  const placeName = h('input', { type: 'text', name: 'name', placeholder: 'gazetteer place', 'data-testid': 'edit-place-name' });
  const country = h('input', { type: 'text', name: 'country', placeholder: 'country (optional)', value: inc.country || '' });
  const coords = h('input', { type: 'text', name: 'coordinates', placeholder: 'or LAT,LON' });
  const actor1 = h('input', { type: 'text', name: 'actor1', value: inc.actor1 || '' });
  const actor2 = h('input', { type: 'text', name: 'actor2', value: inc.actor2 || '' });
  const other = h('input', { type: 'text', name: 'other', placeholder: 'incident id' });
  const splits = (inc.articles || []).map((a) => h('label', { class: 'edit-check' }, h('input', { type: 'checkbox', value: a.ref }), ` ${a.outlet || a.ref} (${a.ref})`));
  const groups = {
    figure: h('div', {}, field('Figure', figureSel), field('Low', low), field('Best', best), field('High', high)),
    type: h('div', {}, field('Sub-event type', sub)),
    date: h('div', {}, field('Date', date), field('Precision', precision)),
    place: h('div', {}, field('Place', placeName), field('Country', country), field('Coordinates', coords)),
    actors: h('div', {}, field('Actor 1', actor1), field('Actor 2', actor2)),
    merge: h('div', {}, field('Merge in', other)),
    split: h('div', {}, splits),
  };
  const show = () => {
    for (const [k, g] of Object.entries(groups)) g.hidden = k !== op.value;
  };
  op.addEventListener('change', show);
  show();
  const note = h('textarea', { name: 'note', rows: '2', placeholder: 'why (kept in the history)', 'data-testid': 'edit-note' });
  const token = h('input', { type: 'password', name: 'token', autocomplete: 'off', value: sessionStorage.getItem(TOKEN_KEY) || '', 'data-testid': 'edit-token' });
  const message = h('p', { class: 'edit-message', role: 'status', 'data-testid': 'edit-message' });
  const body = () => {
    const v = op.value;
    const b = { note: note.value.trim() || null };
    const n = (x) => (x.value === '' ? null : Number(x.value));
    if (v === 'figure') Object.assign(b, { op: 'edit', field: 'figure', figure: figureSel.value, low: n(low), best: n(best), high: n(high) });
    else if (v === 'type') Object.assign(b, { op: 'edit', field: 'type', sub_event_type: sub.value });
    else if (v === 'date') Object.assign(b, { op: 'edit', field: 'date', date: date.value, precision: Number(precision.value) });
    else if (v === 'place') {
      Object.assign(b, { op: 'edit', field: 'place' });
      if (coords.value.trim()) Object.assign(b, { coordinates: coords.value.trim(), location: placeName.value.trim() || null });
      else Object.assign(b, { name: placeName.value.trim(), country: country.value.trim() || null });
    } else if (v === 'actors') Object.assign(b, { op: 'edit', field: 'actors', actor1: actor1.value, actor2: actor2.value });
    else if (v === 'merge') Object.assign(b, { op: 'merge', other: other.value.trim() });
    else if (v === 'split') Object.assign(b, { op: 'split', articles: splits.map((l) => l.querySelector('input')).filter((c) => c.checked).map((c) => c.value) });
    else Object.assign(b, { op: v });
    return b;
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, token.value);
    message.textContent = 'Saving…';
    message.className = 'edit-message';
    let answer;
    try {
      const r = await fetch(`api/incidents/${encodeURIComponent(inc.id)}/corrections`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token.value}` },
        body: JSON.stringify(body()),
      });
      answer = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error(answer.error || `${r.status} ${r.statusText}`);
    } catch (err) {
      message.textContent = `Not saved: ${err.message}`;
      message.className = 'edit-message error';
      return;
    }
    const c = answer.correction;
    setStatus(`Correction ${c.id} saved: ${c.op}${c.field ? ' ' + c.field : ''}`);
    // The incident may have another id now (merge, split); show where the correction lives.
    await load();
    openIncident(c.applied_to || inc.id);
  });
  form.append(
    field('Correction', op),
    ...Object.values(groups),
    field('Note', note),
    field('Write token', token),
    h('button', { type: 'submit', 'data-testid': 'edit-submit', text: 'Save correction' }),
    message,
  );
  return form;
}

async function loadHistory(id) {
  let items = [];
  try {
    items = (await getJSON(`api/incidents/${encodeURIComponent(id)}/history`)).items || [];
  } catch (_) {
    items = null;
  }
  const panel = document.getElementById('panel');
  if (panel.dataset.incident !== id) return;
  const list = panel.querySelector('[data-testid=history]');
  if (!list) return;
  if (items === null) {
    list.replaceChildren(h('li', { class: 'error', text: 'Could not load the history.' }));
    return;
  }
  if (!items.length) {
    list.replaceChildren(h('li', { class: 'muted', text: 'No correction yet.' }));
    return;
  }
  list.replaceChildren(
    ...items.map((c) =>
      h(
        'li',
        { 'data-testid': 'history-item', 'data-id': c.id },
        h('strong', { text: `${new Date(c.at * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC · ${c.author}` }),
        `: ${c.what}`,
        c.note ? h('div', { class: 'muted', text: `note: ${c.note}` }) : null,
        (c.changes || []).length ? h('div', { class: 'changes', text: c.changes.join(' · ') }) : null,
        c.applied_to ? null : h('div', { class: 'error', text: `no longer applies: ${c.stale || 'its reports are gone'}` }),
      ),
    ),
  );
}

function claimCard(c, articles) {
  const a = articles.get(c.article) || {};
  return h(
    'div',
    { class: 'claim', 'data-testid': 'claim', 'data-field': c.field },
    h('div', { class: 'claim-head' }, h('strong', { class: 'claim-field', text: c.field }), ' ', h('span', { class: 'claim-value', 'data-testid': 'claim-value', text: fmtValue(c.value) })),
    h('blockquote', { class: 'claim-quote', 'data-testid': 'claim-quote', lang: a.language || null, text: c.quote }),
    h(
      'div',
      { class: 'claim-meta' },
      h('span', { text: `${a.outlet || a.title || c.article}${a.language ? ' (' + a.language + ')' : ''}` }),
      c.attributed_to ? h('span', { text: ` · according to ${c.attributed_to}` }) : null,
      c.victims ? h('span', { text: ` · victims: ${c.victims}` }) : null,
      a.copy_of ? h('span', { class: 'tag', title: `wire copy of ${a.copy_of}: counted once`, text: 'wire copy' }) : null,
      c.hedged ? h('span', { class: 'tag hedged', text: 'hedged' }) : null,
      c.background ? h('span', { class: 'tag', text: 'recalled in passing' }) : null,
      h('button', {
        type: 'button',
        class: 'link',
        text: 'show in text',
        onclick: () => {
          const m = document.querySelector(`mark[data-claims~="c${c._n}"]`);
          if (m) {
            m.scrollIntoView({ block: 'center' });
            m.classList.add('flash');
            setTimeout(() => m.classList.remove('flash'), 1200);
          }
        },
      }),
    ),
  );
}

/** The article text with each claim's quote highlighted (byte offsets → UTF-16 indices). */
function articleText(t, claims) {
  const text = t.text || '';
  const toIdx = byteOffsetMapper(text);
  const ranges = [];
  for (const c of claims) {
    if (c.article !== t.ref) continue;
    let a = toIdx(c.start);
    let b = toIdx(c.end);
    if (a < 0 || b < 0 || text.slice(a, b) !== c.quote) {
      // Offsets do not match this text (e.g. a newer version): fall back to the quote itself.
      a = c.quote ? text.indexOf(c.quote) : -1;
      b = a >= 0 ? a + c.quote.length : -1;
    }
    if (a >= 0 && b > a) ranges.push({ a, b, claims: [c] });
  }
  ranges.sort((x, y) => x.a - y.a || y.b - x.b);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.a < last.b) {
      last.b = Math.max(last.b, r.b);
      last.claims.push(...r.claims);
    } else merged.push({ ...r, claims: [...r.claims] });
  }
  const body = h('div', { class: 'article-body', lang: t.language || null });
  let pos = 0;
  for (const r of merged) {
    if (r.a > pos) body.append(text.slice(pos, r.a));
    body.append(
      h('mark', {
        'data-testid': 'highlight',
        'data-claims': r.claims.map((c) => `c${c._n}`).join(' '),
        title: r.claims.map((c) => `${c.field}: ${fmtValue(c.value)}`).join('\n'),
        text: text.slice(r.a, r.b),
      }),
    );
    pos = r.b;
  }
  if (pos < text.length) body.append(text.slice(pos));
  return h(
    'section',
    { class: 'article', 'data-testid': 'article-text', 'data-lang': t.language },
    h('h4', {}, h('span', { class: 'lang', text: (t.language || '?').toUpperCase() }), ' ', t.title || t.ref),
    h('p', { class: 'muted', text: [t.outlet, t.published, t.ref].filter(Boolean).join(' · ') }),
    body,
  );
}

// ---------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------

async function main() {
  const select = document.querySelector('[name=type]');
  for (const [t] of TYPES) select.append(h('option', { value: t, text: t }));
  const form = document.getElementById('filters');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  form.addEventListener('reset', () => setTimeout(load, 0));
  try {
    state.config = await getJSON('api/config');
  } catch (_) {
    state.config = {};
  }
  initMap();
  initBrush();
  window.addEventListener('resize', () => drawTimeline());
  await loadBoundaries();
  await load();
  loadStats();
  loadMonitor();
  // Alerts arrive while the page is open (serve --watch).
  setInterval(loadMonitor, 30000);
}

main();
