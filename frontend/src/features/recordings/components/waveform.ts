/** The loudest |sample| in each of `bars` equal slices (0..1): the waveform's bars. */
export function peaks(samples: Float32Array, bars: number): number[] {
  const out = new Array<number>(bars).fill(0);
  if (samples.length === 0 || bars <= 0) return out;
  const per = samples.length / bars;
  for (let b = 0; b < bars; b++) {
    const from = Math.floor(b * per);
    const to = Math.max(from + 1, Math.floor((b + 1) * per));
    let max = 0;
    for (let i = from; i < to && i < samples.length; i++) max = Math.max(max, Math.abs(samples[i]));
    out[b] = Math.min(1, max);
  }
  return out;
}

/** Draws the bars, the played part in the accent colour. */
export function drawWaveform(canvas: HTMLCanvasElement, bars: number[], playedFraction: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  const barWidth = width / Math.max(1, bars.length);
  bars.forEach((peak, i) => {
    const h = Math.max(1, peak * (height - 4));
    ctx.fillStyle = i / bars.length < playedFraction ? '#1677ff' : '#bfbfbf';
    ctx.fillRect(i * barWidth, (height - h) / 2, Math.max(1, barWidth - 1), h);
  });
}

/** Decodes audio into its samples (first channel); null where the browser cannot (tests, old browsers). */
export async function decodeSamples(data: ArrayBuffer): Promise<Float32Array | null> {
  const Ctx = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctx) return null;
  const ctx = new Ctx();
  try {
    const buffer = await ctx.decodeAudioData(data.slice(0));
    return buffer.getChannelData(0);
  } catch {
    return null;
  } finally {
    void ctx.close();
  }
}
