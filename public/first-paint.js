(function(d,k){var r=d.documentElement;function g(){try{return localStorage.getItem(k)}catch(e){return null}}
function a(t){t=='light'||t=='dark'?r.setAttribute('data-theme',t):r.removeAttribute('data-theme')}a(g());
if(/[?&]path=/.test(location.search))r.setAttribute('data-reader-path','');
d.addEventListener('DOMContentLoaded',function(){var s=d.getElementById(k);if(!s)return;s.value=g()||'system';
s.onchange=function(){try{localStorage.setItem(k,s.value)}catch(e){}a(s.value)};s.parentNode.hidden=false})})(document,'kb-theme');
