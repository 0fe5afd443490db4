import { CompressOutlined, ExpandOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agentStateKeys, type AgentStateKey } from '../../../shared/api/types';
import { agentStateColor } from '../../../shared/ui/agentStateStyle';
import { formatDuration } from '../../../shared/ui/formatDuration';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useNow } from '../../../shared/ui/useNow';
import { useReasonName } from '../../../shared/ui/useReasonName';
import { useSkillGroupName } from '../../../shared/ui/useSkillGroupName';
import { tick, useWallboard, type WallboardQueue } from '../api/useWallboard';
import styles from './Wallboard.module.css';

/** Below this service level (or with a call waiting longer than a minute) a queue card turns red. */
const SL_TARGET = 0.8;
const LONG_WAIT_SECONDS = 60;

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

/** The queue wallboard (R-SUP-7): live queues, today's figures, agents by state and by team; full screen for a room. */
export function Wallboard() {
  const { t } = useTranslation();
  const board = useWallboard();
  const now = useNow();
  const groupName = useSkillGroupName();
  const reasonName = useReasonName();
  const ref = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);

  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) setFullscreen(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggle = useCallback(() => {
    if (fullscreen) {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      setFullscreen(false);
    } else {
      setFullscreen(true); // the page-filling layout works even where the browser refuses real full screen
      void ref.current?.requestFullscreen?.().catch(() => undefined);
    }
  }, [fullscreen]);

  const fetchedAt = board.dataUpdatedAt;
  const byState = useMemo(() => {
    const groups = Object.fromEntries(agentStateKeys.map((s) => [s, [] as NonNullable<typeof board.data>['agents']])) as Record<
      AgentStateKey,
      NonNullable<typeof board.data>['agents']
    >;
    for (const a of board.data?.agents ?? []) groups[a.state]?.push(a);
    for (const s of agentStateKeys) groups[s].sort((a, b) => (b.sinceSeconds ?? 0) - (a.sinceSeconds ?? 0));
    return groups;
  }, [board.data]);

  return (
    <div
      ref={ref}
      className={styles.board}
      data-fullscreen={fullscreen}
      data-testid="wallboard"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && fullscreen) toggle();
      }}
    >
      <div className={styles.toolbar}>
        <Typography.Title level={4} style={{ margin: 0, color: 'inherit' }}>
          {t('wallboard.title')} {board.data ? <span className={styles.label}>{t('wallboard.today', { day: board.data.day })}</span> : null}
        </Typography.Title>
        <Button icon={fullscreen ? <CompressOutlined /> : <ExpandOutlined />} onClick={toggle} data-testid="wallboard-fullscreen">
          {fullscreen ? t('wallboard.exitFullscreen') : t('wallboard.fullscreen')}
        </Button>
      </div>
      {board.error && <Alert type="error" showIcon title={problemMessage(board.error, t)} />}
      {board.isLoading && <Spin />}
      {board.data && (
        <>
          <section aria-label={t('wallboard.queues')} className={styles.queues}>
            {board.data.queues.map((q) => (
              <QueueCard key={q.queue} q={q} name={groupName(q.queue)} longest={tick(q.waiting > 0 ? q.longestWaitSeconds : null, fetchedAt, now)} />
            ))}
          </section>
          {board.data.teams.length > 0 && (
            <section aria-label={t('wallboard.teams')} className={styles.teams}>
              {board.data.teams.map((team) => (
                <div key={team.teamId} className={styles.team} data-testid={`wallboard-team-${team.teamId}`}>
                  <strong>{team.name}</strong>
                  {agentStateKeys.map((s) => (
                    <span key={s} style={{ color: agentStateColor[s] }}>
                      {t(`state.${s}`)} {team.byState[s] ?? 0}
                    </span>
                  ))}
                </div>
              ))}
            </section>
          )}
          <section aria-label={t('wallboard.agents')} className={styles.states}>
            {agentStateKeys.map((s) => (
              <div key={s} className={styles.stateColumn} style={{ borderTopColor: agentStateColor[s] }} data-testid={`wallboard-state-${s}`}>
                <div style={{ color: agentStateColor[s], fontWeight: 600 }}>
                  {t(`state.${s}`)} · {byState[s].length}
                </div>
                {byState[s].map((a) => {
                  const since = tick(a.sinceSeconds, fetchedAt, now);
                  return (
                    <div key={a.agentId} className={styles.agent} data-testid={`wallboard-agent-${a.agentId}`}>
                      <span className={styles.agentName}>
                        {a.name}
                        {a.reasonCode ? <span className={styles.reason}> · {reasonName(a.reasonCode)}</span> : null}
                      </span>
                      <span>{since === null ? '' : formatDuration(since * 1000)}</span>
                    </div>
                  );
                })}
              </div>
            ))}
          </section>
          {board.data.queues.length === 0 && board.data.agents.length === 0 && <Empty />}
        </>
      )}
    </div>
  );
}

function QueueCard({ q, name, longest }: { q: WallboardQueue; name: string; longest: number | null }) {
  const { t } = useTranslation();
  const alert = (q.serviceLevelToday !== null && q.serviceLevelToday < SL_TARGET) || (longest ?? 0) > LONG_WAIT_SECONDS;
  return (
    <div className={styles.queue} data-alert={alert} data-testid={`wallboard-queue-${q.queue}`}>
      <div className={styles.queueName}>{name}</div>
      <div className={styles.big}>
        <div>
          <div className={styles.bigValue} data-testid="waiting">
            {q.waiting}
          </div>
          <div className={styles.label}>{t('wallboard.waiting')}</div>
        </div>
        <div>
          <div className={styles.bigValue}>{longest === null ? '—' : formatDuration(longest * 1000)}</div>
          <div className={styles.label}>{t('wallboard.longestWait')}</div>
        </div>
        <div>
          <div className={styles.bigValue}>{percent(q.serviceLevelToday)}</div>
          <div className={styles.label}>{t('wallboard.serviceLevelToday')}</div>
        </div>
      </div>
      <div className={styles.figures}>
        <Figure label={t('wallboard.inProgress')} value={q.inProgress} />
        <Figure label={t('wallboard.answeredToday')} value={q.answeredToday} />
        <Figure label={t('wallboard.abandonedToday')} value={q.abandonedToday} />
        <Figure label={t('wallboard.offeredToday')} value={q.offeredToday} />
      </div>
    </div>
  );
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div className={styles.figure}>
      <span className={styles.figureValue}>{value}</span>
      <span className={styles.label}>{label}</span>
    </div>
  );
}
