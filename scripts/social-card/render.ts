import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

/**
 * Renders the site's one link-preview card, public/social-card.png (1200×630), from
 * social-card.svg beside this script. Run it after editing the SVG and commit both:
 * `npx tsx scripts/social-card/render.ts`. (The PNG is committed so builds need no
 * image work and every machine serves the same card.)
 */
const svg = readFileSync(fileURLToPath(new URL('social-card.svg', import.meta.url)));
const out = fileURLToPath(new URL('../../public/social-card.png', import.meta.url));
const info = await sharp(svg, { density: 72 }).resize(1200, 630).png({ compressionLevel: 9, palette: true }).toFile(out);
console.log(`public/social-card.png: ${info.width}×${info.height}, ${info.size} bytes`);
