// Build Vigie's offline web UI into web/dist (embedded into the `vigie` binary by vigie-web).
// No bundler: copies our sources, Leaflet (JS, CSS, images) from node_modules, and converts
// Natural Earth country outlines (npm world-atlas, TopoJSON) to GeoJSON with topojson-client.
// Nothing here touches the network; run `npm ci` first.
import { mkdirSync, rmSync, copyFileSync, readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
const src = join(here, 'src');
const nm = join(here, 'node_modules');

if (!existsSync(join(nm, 'leaflet')) || !existsSync(join(nm, 'world-atlas'))) {
  console.error('web/build.mjs: node_modules is missing: run `npm ci` in web/ first');
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'vendor', 'images'), { recursive: true });
mkdirSync(join(out, 'geo'), { recursive: true });

// Our sources.
for (const f of readdirSync(src)) copyFileSync(join(src, f), join(out, f));

// Leaflet.
copyFileSync(join(nm, 'leaflet/dist/leaflet.js'), join(out, 'vendor/leaflet.js'));
copyFileSync(join(nm, 'leaflet/dist/leaflet.css'), join(out, 'vendor/leaflet.css'));
for (const f of readdirSync(join(nm, 'leaflet/dist/images'))) {
  copyFileSync(join(nm, 'leaflet/dist/images', f), join(out, 'vendor/images', f));
}
copyFileSync(join(nm, 'leaflet/LICENSE'), join(out, 'vendor/LEAFLET-LICENSE.txt'));

// Countries: Natural Earth 1:50m via world-atlas, TopoJSON → GeoJSON, coordinates rounded.
const topojson = require('topojson-client');
const topo = JSON.parse(readFileSync(join(nm, 'world-atlas/countries-50m.json'), 'utf8'));
const countries = topojson.feature(topo, topo.objects.countries);
const round = (v) => (Array.isArray(v) ? v.map(round) : Math.round(v * 1000) / 1000);
for (const f of countries.features) {
  if (f.geometry) f.geometry.coordinates = round(f.geometry.coordinates);
  f.properties = { name: f.properties?.name ?? null, iso_n3: f.id ?? null };
}
countries.attribution = 'Natural Earth 1:50m (public domain) via npm world-atlas 2.0.2 (ISC)';
writeFileSync(join(out, 'geo/countries.geojson'), JSON.stringify(countries));
copyFileSync(join(nm, 'world-atlas/LICENSE'), join(out, 'geo/WORLD-ATLAS-LICENSE.txt'));

// First-level regions: optional file web/geo/admin1.geojson (not shipped yet: no registry
// package we checked carries admin1 polygons for the Sahel). The UI skips the layer when absent.
const admin1 = join(here, 'geo', 'admin1.geojson');
if (existsSync(admin1)) copyFileSync(admin1, join(out, 'geo/admin1.geojson'));

const files = readdirSync(out, { recursive: true });
console.log(`web/dist: ${files.length} entries written`);
