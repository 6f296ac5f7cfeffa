/**
 * Branding: brand colour and logo. `GET /branding` answers any session of the tenant: a RESELLER,
 * and a RESELLEE (a user of one of its customers), who sees its own reseller's branding read-only;
 * the writes stay RESELLER-only. It carries an ETag and answers `If-None-Match` with 304, with
 * `Cache-Control: private, no-cache` and `Vary: Authorization` (a browser may keep it but asks the
 * server every time, so another tenant's session never gets this tenant's answer).
 * The logo is The logo is content-addressed (`/branding/logo/<sha256>`), served
 * without credentials and always inert: nosniff, and a CSP sandbox that stops scripts in SVG.
 */
import type {Hono} from 'hono';
import {Branding, BrandingUpdate, LOGO_MAX_BYTES, LOGO_TYPES} from '../../src/contract/schemas.js';
import {type Env, iso, requireReseller, requireSession, send} from '../context.js';
import type {Queryable} from '../db.js';
import {ApiError, JSON_LIMIT, mediaType, parseJson, readLimited, validate} from '../http.js';
import {idempotent} from '../idempotency.js';
import {sniffLogo} from '../../src/contract/logo-type.js';
import {API_BASE_PATH} from '../../src/contract/constants.js';
import {sha256Hex} from '../tokens.js';

export const LOGO_PATH = `${API_BASE_PATH}/branding/logo/`;

interface BrandingRow {
  brand_color: string | null;
  logo_sha256: string | null;
  logo_content_type: string | null;
  branding_updated_at: Date;
}

async function brandingOf(q: Queryable, tenantId: number) {
  const {rows: [r]} = await q.query<BrandingRow>(
    `SELECT brand_color, logo_sha256, logo_content_type, branding_updated_at FROM tenants WHERE id = $1`, [tenantId],
  );
  return {
    brand_color: r!.brand_color, logo_url: r!.logo_sha256 ? LOGO_PATH + r!.logo_sha256 : null,
    logo_content_type: r!.logo_content_type, updated_at: iso(r!.branding_updated_at),
  };
}

const TOUCH = `branding_updated_at = date_trunc('milliseconds', greatest(clock_timestamp(), branding_updated_at + interval '1 millisecond'))`;

export function brandingRoutes(api: Hono<Env>): void {
  api.get('/branding', async (c) => {
    const p = requireSession(c);
    const branding = await brandingOf(c.get('deps').db, p.tenantId);
    // The tenant and its last change name the version: equal tags never cross tenants.
    const etag = `"${sha256Hex(`${p.tenantId}:${branding.updated_at}`).slice(0, 32)}"`;
    const headers = {etag, 'cache-control': 'private, no-cache', vary: 'Authorization'};
    const inm = c.req.header('if-none-match');
    if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')) {
      return new Response(null, {status: 304, headers});
    }
    return send(Branding, branding, 200, headers);
  });

  api.patch('/branding', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const input = validate(BrandingUpdate, parseJson(c.req.raw, await readLimited(c.req.raw, JSON_LIMIT)));
    await db.query(`UPDATE tenants SET brand_color = $2, ${TOUCH} WHERE id = $1`, [p.tenantId, input.brand_color?.toLowerCase() ?? null]);
    return send(Branding, await brandingOf(db, p.tenantId));
  });

  // Raw image body. The declared type must be an accepted image type (or application/octet-stream,
  // then the sniffed type is used) and must agree with the magic bytes; otherwise 415.
  api.put('/branding/logo', async (c) => {
    const p = requireReseller(c);
    const declared = mediaType(c.req.raw);
    if (declared !== 'application/octet-stream' && !(LOGO_TYPES as readonly string[]).includes(declared)) {
      throw new ApiError(415, `Upload a PNG, JPEG, GIF, WebP, AVIF or SVG image (got ${declared || 'no content type'})`);
    }
    return idempotent(c, p, LOGO_MAX_BYTES, async (bytes) => {
      if (!bytes.byteLength) throw new ApiError(422, 'The image is empty', {logo: {code: 'image_empty', message: 'Choose an image file'}});
      const sniffed = sniffLogo(bytes);
      if (!sniffed) throw new ApiError(415, 'The file is not a PNG, JPEG, GIF, WebP, AVIF or SVG image');
      if (declared !== 'application/octet-stream' && declared !== sniffed) {
        throw new ApiError(415, `The file content is ${sniffed}, not ${declared}`);
      }
      const {db} = c.get('deps');
      await db.query(
        `UPDATE tenants SET logo_bytes = $2, logo_sha256 = $3, logo_content_type = $4, ${TOUCH} WHERE id = $1`,
        [p.tenantId, bytes, sha256Hex(bytes), sniffed],
      );
      return send(Branding, await brandingOf(db, p.tenantId));
    });
  });

  api.delete('/branding/logo', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    await db.query(`UPDATE tenants SET logo_bytes = NULL, logo_sha256 = NULL, logo_content_type = NULL, ${TOUCH} WHERE id = $1`, [p.tenantId]);
    return send(Branding, await brandingOf(db, p.tenantId));
  });

  // Public: no credentials (an <img src> cannot send a bearer token); the hash makes it unguessable and immutable.
  api.get('/branding/logo/:hash', async (c) => {
    const hash = c.req.param('hash');
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new ApiError(404, 'Logo not found');
    const {rows: [r]} = await c.get('deps').db.query<{logo_bytes: Uint8Array; logo_content_type: string}>(
      `SELECT logo_bytes, logo_content_type FROM tenants WHERE logo_sha256 = $1 LIMIT 1`, [hash],
    );
    if (!r) throw new ApiError(404, 'Logo not found');
    return new Response(new Uint8Array(r.logo_bytes), {
      headers: {
        'content-type': r.logo_content_type,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'cache-control': 'public, max-age=31536000, immutable',
        'cross-origin-resource-policy': 'cross-origin',
        'content-disposition': 'inline',
      },
    });
  });
}
