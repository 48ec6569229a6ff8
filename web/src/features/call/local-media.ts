/**
 * The camera and microphone for a call, and a microphone level (0..1) from a Web Audio
 * AnalyserNode for the pre-call check. Errors come back as a MediaProblem the page explains.
 */
import { type Accessor, createSignal } from 'solid-js';
import { type MediaProblem, mediaProblem } from './media-errors.ts';

export async function openLocalMedia(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
}

export interface LocalMedia {
  stream: Accessor<MediaStream | null>;
  problem: Accessor<MediaProblem | null>;
  /** 0..1, updated about 10 times a second while the stream is open. */
  level: Accessor<number>;
  start(): Promise<MediaStream | null>;
  /** Hands the stream over (the call owns it from then on) and stops the meter. */
  release(): MediaStream | null;
  stop(): void;
}

export function createLocalMedia(): LocalMedia {
  const [stream, setStream] = createSignal<MediaStream | null>(null);
  const [problem, setProblem] = createSignal<MediaProblem | null>(null);
  const [level, setLevel] = createSignal(0);
  let audio: AudioContext | null = null;
  let meter: ReturnType<typeof setInterval> | undefined;

  function stopMeter(): void {
    clearInterval(meter);
    void audio?.close().catch(() => undefined);
    audio = null;
  }

  function startMeter(media: MediaStream): void {
    if (media.getAudioTracks().length === 0) return;
    audio = new AudioContext();
    const analyser = audio.createAnalyser();
    analyser.fftSize = 512;
    audio.createMediaStreamSource(media).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    meter = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      // RMS scaled so ordinary speech fills most of the meter.
      setLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
    }, 100);
  }

  return {
    stream,
    problem,
    level,
    async start() {
      setProblem(null);
      if (stream()) return stream();
      try {
        const media = await openLocalMedia();
        setStream(media);
        startMeter(media);
        return media;
      } catch (error) {
        setProblem(mediaProblem(error));
        return null;
      }
    },
    release() {
      stopMeter();
      const media = stream();
      setStream(null);
      return media;
    },
    stop() {
      stopMeter();
      for (const track of stream()?.getTracks() ?? []) track.stop();
      setStream(null);
    },
  };
}
