// hls.js ships its light build (HLS without subtitles and alternate audio: 30% smaller) without a
// declaration of its own; its API is the full build's.
declare module 'hls.js/light' {
  export { default } from 'hls.js';
}
