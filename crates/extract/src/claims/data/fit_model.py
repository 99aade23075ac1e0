#!/usr/bin/env python3
"""Fit the claim model of crates/extract/src/claims/model.rs on DEVELOPMENT gold parts only.

Run from the repository root:
  python3 crates/extract/src/claims/data/fit_model.py [PART ...]   (default: dev)
e.g. `... fit_model.py dev dev2 dev3 dev4 dev5 dev6`. With one part it prints
leave-one-article-out cross-validated precision/recall (the protocol of `levelmap eval`,
on the judged sentences as the gold splits them) at several log-odds thresholds; with
several, leave-one-PART-out (each part scored by weights fitted on the others: text of an
outlet the fit never saw), beside the weights now in model.rs on the same sentences.
Then the weights fitted on all the parts given (copy them into model.rs).
The features mirror model.rs and polarity.rs (Python approximations of the cue scan).
Never point it at tests/fixtures/gold/test.
"""
import re, glob, os, math, sys
ROOT='.'
def cue_table():
    src=open(ROOT+'/crates/extract/src/claims/cues.rs').read()
    body=src[src.index('const CUES'):src.index('fn inflections')]
    cues=[]
    for m in re.finditer(r'\("((?:[^"\\]|\\.)*)",\s*&\[([^\]]*)\]\)', body):
        cues.append((m.group(1), [k.strip() for k in m.group(2).split(',') if k.strip()]))
    listed={c for c,_ in cues}; out=list(cues); added=set()
    for p,k in cues:
        for f in infl(p):
            if f not in listed and f not in added:
                added.add(f); out.append((f,k))
    return out
def infl(w):
    if len(w)<4 or not re.fullmatch('[a-z]+',w) or w.endswith(('ed','ing','ly')): return []
    if w.endswith('e'): return [w+'s',w+'d',w[:-1]+'ing']
    if w.endswith('s'): return [w+'es']
    if w.endswith('y') and not w[:-1].endswith(('a','e','o','u')): return [w[:-1]+'ies',w[:-1]+'ied',w+'ing']
    return [w+'s',w+'ed',w+'ing']
CUES=cue_table()
_pats=sorted(set(c for c,_ in CUES), key=lambda s:-len(s))
KIND={c:k for c,k in CUES}
RX=re.compile('|'.join(re.escape(p) for p in _pats), re.I)
def norm(s):
    return s.replace('\u2019',"'").replace('\u2018',"'").replace('\u201c','"').replace('\u201d','"').replace('\u2014','-').replace('\u2013','-')
def cues(s):
    out=[]
    pos=0
    # leftmost-longest: at each position try longest
    for m in RX.finditer(s):
        a,b=m.span()
        if a>0 and s[a-1].isalnum(): continue
        if b<len(s) and s[b].isalnum(): continue
        out.append((a,b,KIND[m.group(0).lower()]))
    return out
def load(part='dev'):
    assert not part.startswith('test'), 'never fit on a frozen part'

    rows=[]
    for f in sorted(glob.glob(f'{ROOT}/tests/fixtures/gold/{part}/articles/*.claims.tsv')):
        stem=os.path.basename(f)[:-len('.claims.tsv')]
        for i,line in enumerate(open(f)):
            if i==0: continue
            c=line.rstrip('\n').split('\t')
            rows.append(dict(stem=stem,part=c[1],label=c[2],kind=c[3],speaker=c[4],hedged=c[5],s=norm(c[8])))
    return rows
VADER={}
for line in open('crates/extract/src/claims/data/vader_lexicon.tsv'):
    if line.startswith("#"): continue
    c=line.split('\t')
    if re.fullmatch("[a-z][a-z'-]*",c[0]): VADER[c[0]]=float(c[1])
WORD=re.compile(r"[A-Za-z][A-Za-z'-]*")
FP={'i','we','our','us','my','me',"i'm","we're","i'd","we'd","i've","we've","let's"}
MODAL_FUT={'will','would',"won't","wouldn't","'ll",'shall'}
def words(s): return WORD.findall(s)
def feats(s, names=False):
    cs=cues(s)
    n={}
    for a,b,ks in cs:
        for k in ks: n[k]=n.get(k,0)+1
    g=lambda k:n.get(k,0)
    ws=words(s); lw=[w.lower() for w in ws]
    nw=len(s.split())
    vad=[VADER.get(w,0.0) for w in lw]
    # strip vader words that are already cues? keep simple
    vpos=sum(1 for v in vad if v>=1.0); vneg=sum(1 for v in vad if v<=-1.0)
    vstrong=sum(1 for v in vad if abs(v)>=2.0)
    digits=len(re.findall(r'\d+',s))
    f={
     'deontic':min(g('Deontic'),2),'eval':min(g('Evaluative'),3),'contrast':min(g('Contrast'),1),
     'pred':min(g('Predictive'),2),'hedge':min(g('Hedge'),2),'arg':min(g('Argument'),2),
     'report':min(g('Report'),1),'method':min(g('Method'),1),
     'short':1 if nw<8 else 0,'question':1 if s.rstrip().endswith('?') else 0,
     'vpol':min(vpos+vneg,4),'vneg':min(vneg,3),'vstrong':min(vstrong,2),
     'fp':1 if any(w in FP for w in lw) else 0,
     'digits':min(digits,3),
     'than':1 if ('than' in lw) else 0,
     'most':1 if any(w in ('most','least') for w in lw) or any(w.endswith('est') and VADER.get(w,0)!=0 for w in lw) else 0,
     'neg':min(sum(1 for w in lw if w in ('not','no','never',"n't") or w.endswith("n't")),2),
     'fut':min(sum(1 for w in lw if w in MODAL_FUT or w.endswith("'ll")),2),
     'quote':1 if re.search(r"(^|\s)['\"]|['\"](\s|$)", s) else 0,
     'past':min(sum(1 for w in lw if w in ('was','were','had','did')),2),
     'len':min(nw,60)/20.0,
    }
    return f
def fit(X,y,w=None,l2=1.0,iters=30):
    d=len(X[0]); b=[0.0]*(d+1)
    w=w or [1.0]*len(X)
    for it in range(iters):
        g=[0.0]*(d+1); H=[[0.0]*(d+1) for _ in range(d+1)]
        for xi,yi,wi in zip(X,y,w):
            z=b[d]+sum(bj*xj for bj,xj in zip(b,xi))
            p=1/(1+math.exp(-max(-30,min(30,z))))
            xa=list(xi)+[1.0]
            for j in range(d+1):
                g[j]+=wi*(p-yi)*xa[j]
                for k in range(j,d+1):
                    H[j][k]+=wi*p*(1-p)*xa[j]*xa[k]
        for j in range(d):
            g[j]+=l2*b[j]; H[j][j]+=l2
        for j in range(d+1):
            for k in range(j): H[j][k]=H[k][j]
        step=solve(H,g)
        b=[bj-sj for bj,sj in zip(b,step)]
        if max(abs(s) for s in step)<1e-6: break
    return b
def solve(A,bv):
    n=len(A); M=[row[:]+[bv[i]] for i,row in enumerate(A)]
    for c in range(n):
        p=max(range(c,n),key=lambda r:abs(M[r][c])); M[c],M[p]=M[p],M[c]
        if abs(M[c][c])<1e-12: continue
        for r in range(n):
            if r!=c:
                f=M[r][c]/M[c][c]
                for k in range(c,n+1): M[r][k]-=f*M[c][k]
    return [M[i][n]/M[i][i] if abs(M[i][i])>1e-12 else 0 for i in range(n)]
def score(b,x):
    d=len(x); return b[d]+sum(bj*xj for bj,xj in zip(b,x))
PARTS=[a for a in sys.argv[1:]] or ['dev']
def load_all():
    out=[]
    for pt in PARTS:
        for r in load(pt):
            r['gold_part']=pt; out.append(r)
    return out
rows=[r for r in load_all() if r['part'] not in ('dateline','byline','rubric','footnote')]
# extractor skips headings and <6 words: mimic roughly
rows=[r for r in rows if r['part']!='heading' and len(r['s'].split())>=6]
names=list(feats('x').keys())
drop=set("than,most,neg,fut,fp,len".split(","))
names=[n for n in names if n not in drop]
X=[[feats(r['s'])[n] for n in names] for r in rows]
lab=[r['label'] for r in rows]
bw=0.5
y=[1 if l=='clear' else (1 if l=='borderline' else 0) for l in lab]
W=[bw if l=='borderline' else 1.0 for l in lab]
group=(lambda r:r['gold_part']) if len(PARTS)>1 else (lambda r:r['stem'])
stems=sorted(set(group(r) for r in rows))
allclear=sum(1 for r in load_all() if r['label']=='clear')
cv=[0.0]*len(rows)
for st in stems:
    tr=[i for i,r in enumerate(rows) if group(r)!=st]
    b=fit([X[i] for i in tr],[y[i] for i in tr],[W[i] for i in tr])
    for i,r in enumerate(rows):
        if group(r)==st: cv[i]=score(b,X[i])
def model_rs_weights():
    src=open(ROOT+'/crates/extract/src/claims/model.rs').read()
    body=src[src.index('const WEIGHTS'):src.index('];',src.index('const WEIGHTS'))]
    ws=[float(m) for m in re.findall(r'^\s*(-?[0-9.]+),',body,re.M)]
    bias=float(re.search(r'const BIAS: f64 = (-?[0-9.]+);',src).group(1))
    return ws,bias
ORDER=['deontic','eval','contrast','pred','hedge','arg','report','method','short','question','vpol','vneg','vstrong','digits','quote','past']
ws,bias=model_rs_weights()
now=[bias+sum(w*feats(r['s'])[n] for w,n in zip(ws,ORDER)) for r in rows]
def pr(sc,t):
    sel=[i for i in range(len(rows)) if sc[i]>=t]
    ok=sum(1 for i in sel if lab[i]!='none'); rc=sum(1 for i in sel if lab[i]=='clear')
    P=ok/max(1,len(sel)); R=rc/allclear; F=2*P*R/max(1e-9,P+R)
    return P,R,F,len(sel)
print('cross-validated (%s):'%('leave one part out' if len(PARTS)>1 else 'leave one article out'))
for t in [0.0,0.2,0.3,0.405,0.5,0.619,0.75]:
    print('t=%5.2f P %.3f R %.3f F %.3f n %d'%((t,)+pr(cv,t)))
print('the weights now in model.rs, on the same sentences:')
for t in [0.0,0.2,0.3,0.405,0.5,0.619,0.75]:
    print('t=%5.2f P %.3f R %.3f F %.3f n %d'%((t,)+pr(now,t)))
b=fit(X,y,W)
for n,v in zip(names+['bias'],b): print('%-10s %6.2f'%(n,v))
