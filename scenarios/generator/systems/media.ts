import { dynamodb, http, lambda, tpl, worker } from '../lib/services.js';
import type { Call, System } from '../lib/types.js';

/** "Reelhouse", a video platform: upload and transcode pipeline on ECS and Lambda, playback on ECS and EKS. */

const ddb = (op: string, selfMs: number, repeat?: number): Call => ({
  service: 'metadata-db',
  op,
  selfMs,
  kind: 'client',
  attributes: { 'db.system': 'dynamodb', 'aws.dynamodb.table_names': ['reelhouse-metadata'] },
  ...(repeat !== undefined ? { repeat } : {}),
});

export const media: System = {
  name: 'reelhouse-media',
  topology: {
    'upload-api': ['media-ingest', 'metadata-svc'],
    'media-ingest': ['transcoder', 'thumbnailer'],
    transcoder: ['packager'],
    packager: ['metadata-svc'],
    thumbnailer: ['metadata-svc'],
    'metadata-svc': ['metadata-db'],
    'playback-api': ['manifest-svc', 'drm-license', 'metadata-svc'],
    'manifest-svc': ['metadata-db'],
  },
  services: [
    http('upload-api', {
      rps: 24, err: 0.003, p99: 0.6, cpu: 0.22, mem: 38, runtime: 'ecs', replicas: 2,
      routes: ['POST /v1/uploads', 'PUT /v1/uploads/:id/complete'],
      logs: [tpl('info', 10, (r) => `upload completed upload_id=up_${r.hex(12)} size_mb=${r.int(40, 9000)}`)],
    }),
    lambda('media-ingest', {
      invocations: 110, errors: 0.3, p99Ms: 2400, concurrency: 6, memoryMB: 1024,
      logs: [tpl('info', 8, (r) => `ingest accepted object=s3://reelhouse-uploads/${r.hex(12)}.mov jobs=transcode,thumbnail`)],
    }),
    worker('transcoder', {
      jobs: 1.5, err: 0.01, lag: 30, cpu: 0.78, mem: 64, queue: 'transcode-jobs', runtime: 'ecs', replicas: 4,
      logs: [
        tpl('info', 14, (r) => `encoded rendition ${r.pick(['1080p', '720p', '480p', '2160p'])} job=tj_${r.hex(10)} in ${r.range(20, 90).toFixed(1)}s encoder=ffmpeg-6.1`),
        tpl('warn', 3, (r) => `source has variable frame rate, normalizing to ${r.pick([24, 25, 30])}fps job=tj_${r.hex(10)}`),
      ],
    }),
    lambda('thumbnailer', {
      invocations: 300, errors: 0.6, p99Ms: 1800, concurrency: 14, memoryMB: 1024,
      logs: [tpl('warn', 3, () => 'source frame is fully black, picking next keyframe')],
    }),
    lambda('packager', {
      invocations: 90, errors: 0.2, p99Ms: 4100, concurrency: 8, memoryMB: 2048,
      logs: [
        tpl('info', 8, (r) => `packaged HLS+DASH job=tj_${r.hex(10)} segments=${r.int(200, 1800)}`),
        tpl('warn', 2, (r) => `segment duration drift ${r.range(0.02, 0.06).toFixed(2)}s on last segment, accepted`),
      ],
    }),
    http('metadata-svc', {
      rps: 180, err: 0.001, p99: 0.09, cpu: 0.3, mem: 310,
      routes: ['GET /v1/titles/:id', 'PUT /v1/titles/:id', 'PATCH /v1/titles/:id/renditions'],
      logs: [tpl('info', 8, (r) => `title updated id=tt-${r.int(100000, 999999)} fields=${r.pick(['renditions', 'artwork', 'synopsis'])}`)],
    }),
    dynamodb('metadata-db', { table: 'reelhouse-metadata', reads: 2400, writes: 310, latencyMs: 4.2 }),
    http('playback-api', {
      rps: 900, err: 0.002, p99: 0.25, cpu: 0.4, mem: 44, runtime: 'ecs', replicas: 12,
      routes: ['GET /v1/play/:titleId', 'POST /v1/heartbeat'],
      logs: [tpl('warn', 4, (r) => `client reported rebuffer session=s_${r.hex(10)} duration_ms=${r.int(300, 2000)}`)],
    }),
    http('manifest-svc', {
      rps: 700, err: 0.0005, p99: 0.05, cpu: 0.25, mem: 260, replicas: 4,
      routes: ['GET /v1/manifests/:id.m3u8', 'GET /v1/manifests/:id.mpd'],
      logs: [tpl('info', 4, (r) => `segment index cache stats hit_ratio=0.9${r.int(5, 8)} entries=${r.int(40000, 52000)}`)],
    }),
    http('drm-license', {
      rps: 260, err: 0.001, p99: 0.08, cpu: 0.18, mem: 190, replicas: 3,
      routes: ['POST /v1/license'],
      logs: [tpl('info', 6, (r) => `license issued scheme=${r.pick(['widevine', 'fairplay', 'playready'])} policy=sd-hd`)],
    }),
  ],
  flows: [
    {
      name: 'playback',
      weight: 5,
      root: {
        service: 'playback-api',
        op: 'GET /v1/play/:titleId',
        selfMs: 8,
        children: [
          { service: 'metadata-svc', op: 'GET /v1/titles/:id', selfMs: 4, client: true, children: [ddb('GetItem', 3.5)] },
          { service: 'manifest-svc', op: 'GET /v1/manifests/:id.m3u8', selfMs: 6, client: true, children: [ddb('Query', 6, 0)] },
          { service: 'drm-license', op: 'POST /v1/license', selfMs: 14, client: true },
        ],
      },
    },
    {
      name: 'upload',
      weight: 2,
      root: {
        service: 'upload-api',
        op: 'PUT /v1/uploads/:id/complete',
        selfMs: 20,
        children: [
          {
            service: 'metadata-svc',
            op: 'PUT /v1/titles/:id',
            selfMs: 5,
            client: true,
            children: [{ service: 'metadata-svc', op: 'slugify', selfMs: 0.4, kind: 'internal' }, ddb('PutItem', 6)],
          },
          { service: 'media-ingest', op: 'media-ingest invoke', selfMs: 900, client: true },
        ],
      },
    },
    {
      name: 'transcode',
      weight: 2,
      root: {
        service: 'transcoder',
        op: 'transcode-jobs process',
        selfMs: 400,
        kind: 'consumer',
        children: [
          { service: 'transcoder', op: 'ffmpeg encode', selfMs: 38000, kind: 'internal' },
          {
            service: 'packager',
            op: 'packager invoke',
            selfMs: 2600,
            client: true,
            children: [{ service: 'metadata-svc', op: 'PATCH /v1/titles/:id/renditions', selfMs: 4, client: true, children: [ddb('UpdateItem', 5)] }],
          },
        ],
      },
    },
  ],
};
