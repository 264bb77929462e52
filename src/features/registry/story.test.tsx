import { describe, expect, it } from 'vitest';
import { sanitizeStory, StoryText } from './story.tsx';

const html = async (text: string) => (await (<StoryText text={text} />)!.toString()).toString();

describe('product stories', () => {
  it('keeps plain text with its paragraphs and marks', () => {
    const text =
      'Tenun ini dibuat oleh **mama-mama** di Desa Kandar.\n\nMotif _Ulerati_ berarti:\n\n- kekuatan\n- persaudaraan';
    expect(sanitizeStory(text)).toBe(text);
  });

  it('drops scripts, styles and event handlers, keeping the words around them', () => {
    const raw = 'Kain <script>alert("x")</script>ikat <img src=x onerror=alert(1)>Tanimbar<style>p{}</style>';
    expect(sanitizeStory(raw)).toBe('Kain ikat Tanimbar');
  });

  it('turns pasted word-processor HTML into the story marks', () => {
    const raw =
      '<p>Dibuat <b>tangan</b> dengan <em>pewarna alam</em>.</p><ul><li>kunyit</li><li>mengkudu</li></ul>';
    expect(sanitizeStory(raw)).toBe('Dibuat **tangan** dengan _pewarna alam_.\n\n- kunyit\n- mengkudu');
  });

  it('decodes entities before stripping, so encoded tags cannot slip through', () => {
    expect(sanitizeStory('&lt;script&gt;alert(1)&lt;/script&gt;Sagu &amp; kenari')).toBe('Sagu & kenari');
  });

  it('removes control and direction-override characters and folds blank lines', () => {
    expect(sanitizeStory('a\u0000b\u202ec\r\n\r\n\r\n\r\nd\t e')).toBe('abc\n\nd e');
  });

  it('renders escaped text with the allowed elements only', async () => {
    const out = await html('Harga < 5000 & **laris**\n\n- satu\n- _dua_\n\nbaris\nbaru');
    expect(out).toBe(
      '<div class="story"><p>Harga &lt; 5000 &amp; <strong>laris</strong></p><ul><li>satu</li><li><em>dua</em></li></ul><p>baris<br/>baru</p></div>',
    );
  });

  it('renders a stored story even if it holds markup, as text', async () => {
    expect(await html('<b onclick="x()">hi</b>')).toContain('&lt;b onclick=&quot;x()&quot;&gt;hi&lt;/b&gt;');
  });
});
