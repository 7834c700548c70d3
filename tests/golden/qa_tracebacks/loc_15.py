class O: pass
o = O()
o.count += 1
