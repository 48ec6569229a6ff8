import { createEffect } from 'solid-js';

/** A <video> showing a MediaStream (srcObject cannot be set from markup). */
export function VideoTile(props: {
  stream: MediaStream | null;
  label: string;
  muted?: boolean;
  class?: string;
}) {
  let video: HTMLVideoElement | undefined;
  createEffect(() => {
    if (video && video.srcObject !== props.stream) video.srcObject = props.stream;
  });
  return (
    <video
      ref={video}
      class={`call-video ${props.class ?? ''}`}
      aria-label={props.label}
      autoplay
      playsinline
      muted={props.muted ?? false}
    />
  );
}
