// Detail page player: the <video> plays the 720p MP4 by itself; where the browser lacks native HLS but has
// Media Source Extensions, hls.js (vendored from npm, loaded only here) switches to the adaptive ladder.
const video = document.getElementById('player');
const hls = video?.dataset.hls;
const module = video?.dataset.hlsModule;
if (video && hls && module && window.MediaSource && !video.canPlayType('application/vnd.apple.mpegurl')) {
  const start = async () => {
    video.removeEventListener('play', start);
    try {
      const { default: Hls } = await import(module);
      if (!Hls.isSupported()) return;
      const player = new Hls({ enableWorker: false, startPosition: video.currentTime, capLevelToPlayerSize: true });
      player.on(Hls.Events.ERROR, (_, data) => {
        if (!data.fatal) return;
        player.destroy(); // back to the MP4
        video.src = video.querySelector('source').src;
        video.play();
      });
      player.on(Hls.Events.MANIFEST_PARSED, () => video.play());
      player.loadSource(hls);
      player.attachMedia(video);
    } catch { /* keep the MP4 */ }
  };
  video.addEventListener('play', start);
}
