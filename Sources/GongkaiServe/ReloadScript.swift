/// Added to every HTML page in serve mode only: polls the build counter,
/// reloads when a new build finished (or goes to the page it names: a notice
/// just imported from Word), and shows the build's problems, and files that
/// could not be imported, in an overlay (built with textContent) while the
/// last good site stays visible.
enum ReloadScript {
    static let source = """
    (function(){var seen=null,box=null;function show(head,p){if(!box){box=document.createElement('div');box.setAttribute('role','alert');box.style.cssText='position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;background:#fff3cd;color:#1a1a1a;border-top:4px solid #a3161a;padding:12px;font:15px/1.5 monospace;white-space:pre-wrap;z-index:99999';document.body.appendChild(box);}box.textContent=head+'\\n\\n'+p.join('\\n');}function hide(){if(box){box.remove();box=null;}}function poll(){fetch('/__gongkai/status',{cache:'no-store'}).then(function(r){return r.json();}).then(function(s){if(seen!==null&&s.generation!==seen&&s.ok){if(s.open&&s.open.charAt(0)==='/'&&s.open.charAt(1)!=='/'&&s.open!==location.pathname){location.assign(s.open);}else{location.reload();}return;}seen=s.generation;var notes=s.notes||[];if(!s.ok)show('生成失败，下面是要改的问题（网站仍显示上一次成功的版本）：',notes.concat(s.problems));else if(notes.length)show('放进来的文件没能导入，下面是原因：',notes);else hide();}).catch(function(){}).then(function(){setTimeout(poll,1000);});}poll();})();
    """
}
