import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/ApiError';
import { downloadFile } from '../../../shared/api/download';
import { formatDuration } from '../../../shared/ui/formatDuration';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { audioUrl } from '../api/queries';
import { decodeSamples, drawWaveform, peaks } from './waveform';

const BARS = 400;

/**
 * Plays one recording: the audio is fetched once (that request is the "play" the server records), drawn as a
 * waveform that seeks on click, and played by the browser's audio element (its controls seek too). Download
 * fetches it again as an attachment (recorded as a "download").
 */
export function RecordingPlayer({ recordingId, title }: { recordingId: string; title?: string }) {
  const { t } = useTranslation();
  const audio = useRef<HTMLAudioElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [bars, setBars] = useState<number[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  const [position, setPosition] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    let url: string | null = null;
    setSrc(null);
    setBars(null);
    setError(null);
    (async () => {
      const response = await fetch(audioUrl(recordingId), { credentials: 'same-origin', signal: abort.signal });
      if (!response.ok) {
        let problem = { status: response.status, title: response.statusText };
        try {
          problem = { ...problem, ...(await response.json()) };
        } catch {
          // not problem details
        }
        throw new ApiError(response.status, problem);
      }
      const data = await response.arrayBuffer();
      url = URL.createObjectURL(new Blob([data], { type: 'audio/wav' }));
      setSrc(url);
      const samples = await decodeSamples(data);
      if (samples && !abort.signal.aborted) setBars(peaks(samples, BARS));
    })().catch((e: unknown) => {
      if (!abort.signal.aborted) setError(e);
    });
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [recordingId]);

  useEffect(() => {
    const el = audio.current;
    if (!src || !el) return;
    try {
      // autoplay refused (or no media support, as in tests): the controls are there
      void (el.play() as Promise<void> | undefined)?.catch(() => undefined);
    } catch {
      // no media support
    }
  }, [src]);

  useEffect(() => {
    if (!bars || !canvas.current) return;
    const duration = audio.current?.duration;
    drawWaveform(canvas.current, bars, duration && Number.isFinite(duration) ? position / duration : 0);
  }, [bars, position]);

  const seek = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const el = audio.current;
    if (!el || !Number.isFinite(el.duration)) return;
    const box = e.currentTarget.getBoundingClientRect();
    el.currentTime = ((e.clientX - box.left) / box.width) * el.duration;
    setPosition(el.currentTime);
  };

  const download = async () => {
    setDownloading(true);
    try {
      await downloadFile(`${audioUrl(recordingId)}?download=true`, `${recordingId}.wav`);
    } catch (e) {
      setError(e);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid="recording-player"
      title={title ?? recordingId}
      extra={
        <Button data-testid="recording-download" icon={<DownloadOutlined />} loading={downloading} onClick={download}>
          {t('recordings.download')}
        </Button>
      }
    >
      {error ? (
        <Alert type="error" showIcon message={problemMessage(error, t)} data-testid="recording-error" />
      ) : !src ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {bars ? (
            <canvas
              ref={canvas}
              data-testid="recording-waveform"
              width={800}
              height={64}
              onClick={seek}
              style={{ width: '100%', height: 64, cursor: 'pointer' }}
              aria-label={t('recordings.waveform')}
            />
          ) : (
            <Typography.Text type="secondary">{t('recordings.noWaveform')}</Typography.Text>
          )}
          <audio
            ref={audio}
            data-testid="recording-audio"
            src={src}
            controls
            style={{ width: '100%' }}
            onTimeUpdate={(e) => setPosition(e.currentTarget.currentTime)}
          />
          <Typography.Text type="secondary" data-testid="recording-position">
            {formatDuration(position * 1000)}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
