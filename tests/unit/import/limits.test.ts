import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { PlanError } from '../../../src/lib/import/plan';
import { contentWarnings } from '../../../src/lib/content-files';
import { postSchema, storedCommentSchema } from '../../../src/lib/schemas';
import { writeTakeout } from './feed';
import { importInto, scratch, seedPost } from './helpers';

/** The limits of issue 23 at import: four-digit years, Windows device names, comments over 100 KB. */

describe('years outside 1000–9999', () => {
  it('stop the import before anything is written, naming the entry', () => {
    const { root, content } = scratch();
    const file = writeTakeout(root, [
      { id: '11', path: '/2009/02/fine.html', title: 'Fine' },
      { id: '12', path: '/0999/02/too-old.html', title: 'Too Old', published: '0999-02-10T10:00:00.000-05:00' },
    ]);
    let error: unknown;
    try {
      importInto(content, [file]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanError);
    expect((error as Error).message).toMatch(/feed\.atom: the post "Too Old" \(tag:blogger\.com,1999:blog-1\.post-12\) is dated 0999-02-10T10:00:00\.000-05:00: the year 0999 is outside 1000–9999/);
    expect(readdirSync(content)).toEqual(['authors']);
  });

  it('are refused by the schema, by name, for posts and comments', () => {
    const schema = postSchema(z.string());
    for (const published of ['0999-12-31', '0999-12-31T10:00:00-05:00', new Date('0999-06-01T00:00:00Z')]) {
      const r = schema.safeParse({ title: 'T', published, author: 'dinah' });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/^published: the year 0999 is outside 1000–9999/);
    }
    expect(schema.safeParse({ title: 'T', published: '1000-01-01', author: 'dinah' }).success).toBe(true);
    expect(schema.safeParse({ title: 'T', published: '9999-12-31', author: 'dinah' }).success).toBe(true);
    const r = schema.safeParse({ title: 'T', published: '2008-11-29', updated: '0099-01-01T00:00:00Z', author: 'dinah' });
    expect(r.error?.issues[0]?.message).toMatch(/^updated: the year 0099 is outside/);
    const comment = { id: 'site:1', parentId: null, published: '0999-01-01T00:00:00Z', author: { name: 'A', role: 'reader', identity: 'guest' }, bodyHtml: '<p>x</p>', status: 'visible', source: { system: 'site', file: 'x', id: '1', postRef: 'x' } };
    expect(storedCommentSchema.safeParse(comment).error?.issues[0]?.message).toMatch(/year is outside 1000–9999/);
  });
});

describe('Windows device names', () => {
  it('an old address /2009/02/con.html gets the next free name, with a redirect and a line in the report', () => {
    const { root, content } = scratch();
    const file = writeTakeout(root, [{ id: '21', path: '/2009/02/con.html', title: 'Con' }]);
    const r = importInto(content, [file]);
    expect(readdirSync(join(content, 'posts', '2009', '02'))).toEqual(['con_1.md']);
    expect(r.report.renamedAddresses).toContainEqual({ from: '/2009/02/con.html', to: '/2009/02/con_1.html', reason: expect.stringMatching(/Windows keeps for a device/) });
  });
});

describe('comments over 100 KB', () => {
  it('are kept and named in a warning', () => {
    const { root, content } = scratch();
    seedPost(content, '2010/05/long', 'http://nightowl-notes.blogspot.com/2010/05/long.html');
    const big = `<p>${'word '.repeat(25_000)}</p>`;
    const xml = `<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n<thread dsq:id="1"><id/><link>http://nightowl-notes.blogspot.com/2010/05/long.html</link><title>Long</title><isDeleted>false</isDeleted></thread>\n<post dsq:id="77"><message><![CDATA[${big}]]></message><createdAt>2012-05-01T10:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Verbose</name><isAnonymous>true</isAnonymous></author><thread dsq:id="1"/></post>\n<post dsq:id="78"><message><![CDATA[<p>Short.</p>]]></message><createdAt>2012-05-01T11:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Brief</name><isAnonymous>true</isAnonymous></author><thread dsq:id="1"/></post>\n</disqus>\n`;
    const file = join(root, 'disqus.xml');
    writeFileSync(file, xml);
    const r = importInto(content, [file]);
    expect(r.report.warnings.filter((w) => /over 100 KB/.test(w))).toEqual([expect.stringMatching(/^.*disqus\.xml: comment disqus:77 is 122 KB \(over 100 KB\)/)]);
    expect(r.report.writes.written).toContain('comments/2010/05/long.json');
    // The build's content check says the same of the file on disk.
    expect(contentWarnings(content)).toEqual([expect.stringMatching(/^comments\/2010\/05\/long\.json: comment disqus:77 is 122 KB \(over 100 KB\)/)]);
  });
});
