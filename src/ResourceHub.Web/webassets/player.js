// Detail page player: the <video> plays the 720p MP4 by itself; where the browser lacks native HLS but has
// Media Source Extensions, hls.js (vendored from npm, loaded only here) switches to the adaptive ladder.
const video = document.getElementById('player');
const hls = video?.dataset.hls;
const module = video?.dataset.hlsModule;
const useHls = video && hls && module && window.MediaSource && !video.canPlayType('application/vnd.apple.mpegurl');

// Native MP4 path: start with a couple of seconds in hand. On a 2 Mbit/s line the browser would otherwise start on
// the first frames and stall a moment later while the rest of the first GOP arrives (bench/ResourceHub.Bench.Web).
const HOLD_SECONDS = 2, MAX_HOLD_MS = 2500;
const ahead = () => {
  for (let i = 0; i < video.buffered.length; i++)
    if (video.buffered.start(i) <= video.currentTime && video.currentTime <= video.buffered.end(i))
      return video.buffered.end(i) - video.currentTime;
  return 0;
};
const holdUntilBuffered = () => {
  video.removeEventListener('play', holdUntilBuffered);
  if (ahead() >= HOLD_SECONDS || video.ended) return;
  const status = document.getElementById('player-status');
  const since = performance.now();
  video.pause();
  if (status) status.textContent = '正在缓冲…';
  const resume = () => {
    if (ahead() < HOLD_SECONDS && performance.now() - since < MAX_HOLD_MS && video.readyState < 4) return;
    clearInterval(timer);
    if (status) status.textContent = '';
    video.play().catch(() => {});
  };
  const timer = setInterval(resume, 100);
};
if (video && !useHls) video.addEventListener('play', holdUntilBuffered);

if (useHls) {
  const start = async () => {
    video.removeEventListener('play', start);
    try {
      const { default: Hls } = await import(module);
      if (!Hls.isSupported()) return;
      const player = new Hls({ enableWorker: false, startPosition: video.currentTime, capLevelToPlayerSize: true });
      player.on(Hls.Events.ERROR, (_, data) => {
        if (!data.fatal) return;
        player.destroy(); // back to the MP4
        video.src = video.querySelector('source[type="video/mp4"]').src;
        video.play();
      });
      player.on(Hls.Events.MANIFEST_PARSED, () => video.play());
      player.loadSource(hls);
      player.attachMedia(video);
    } catch { /* keep the MP4 */ }
  };
  video.addEventListener('play', start);
}
