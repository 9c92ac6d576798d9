/// Added to every HTML page in serve mode only: polls the build counter,
/// reloads when a new build finished, and shows the build's problems in an
/// overlay (built with textContent) while the last good site stays visible.
enum ReloadScript {
    static let source = """
    (function(){var seen=null,box=null;function show(p){if(!box){box=document.createElement('div');box.setAttribute('role','alert');box.style.cssText='position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;background:#fff3cd;color:#1a1a1a;border-top:4px solid #a3161a;padding:12px;font:15px/1.5 monospace;white-space:pre-wrap;z-index:99999';document.body.appendChild(box);}box.textContent='生成失败，下面是要改的问题（网站仍显示上一次成功的版本）：\\n\\n'+p.join('\\n');}function hide(){if(box){box.remove();box=null;}}function poll(){fetch('/__gongkai/status',{cache:'no-store'}).then(function(r){return r.json();}).then(function(s){if(seen!==null&&s.generation!==seen&&s.ok){location.reload();return;}seen=s.generation;if(s.ok)hide();else show(s.problems);}).catch(function(){}).then(function(){setTimeout(poll,1000);});}poll();})();
    """
}
